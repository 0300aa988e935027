import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, useLocation } from '@tanstack/react-router';
import { PAGE_GROUP_LABEL, PROJECT_PAGES } from './project-pages.ts';

/** The project's pages, grouped (Plan, Deliver, Control). */
export function ProjectNav({ projectId }: { projectId: string }) {
  const { pathname } = useLocation();
  const base = `/projects/${projectId}`;
  const groups = (['plan', 'deliver', 'control'] as const).map((group) => ({
    group,
    pages: PROJECT_PAGES.filter((p) => p.group === group),
  }));
  return (
    <ScrollArea type="auto" component="nav" aria-label="Project pages">
      <Stack gap="md">
        {groups.map(({ group, pages }) => (
          <div key={group}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
              {PAGE_GROUP_LABEL[group]}
            </Text>
            {pages.map((page) => {
              const href = page.path ? `${base}/${page.path}` : base;
              const active = page.path
                ? pathname.startsWith(href)
                : pathname === base || pathname === `${base}/`;
              return (
                <NavLink
                  key={page.path}
                  renderRoot={(props) => (
                    // Exact: TanStack's fuzzy match would mark Overview (the project's root) current on every page,
                    // and Mantine styles aria-current="page" as active.
                    <Link
                      to={href}
                      activeOptions={{ exact: !page.path }}
                      activeProps={{}}
                      inactiveProps={{}}
                      {...props}
                    />
                  )}
                  label={page.label}
                  leftSection={<page.icon size={18} stroke={1.6} />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              );
            })}
          </div>
        ))}
      </Stack>
    </ScrollArea>
  );
}
