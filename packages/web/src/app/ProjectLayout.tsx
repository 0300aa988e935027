import { Badge, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Outlet, useLocation } from '@tanstack/react-router';
import { useProjectEvents } from '../api/live-events.ts';
import { useProject } from '../api/projects.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { HealthBadge } from '../components/HealthBadge.tsx';
import { PROJECT_PAGES } from './project-pages.ts';
import { ProjectStatusButton } from './ProjectStatusButton.tsx';
import { useProjectId } from './use-project-id.ts';

/** A project's frame: its title and health, live updates, and the current page. */
export function ProjectLayout() {
  const projectId = useProjectId();
  const project = useProject(projectId);
  const { pathname } = useLocation();
  const page = PROJECT_PAGES.find((x) => x.path && pathname.endsWith(`/${x.path}`))?.label ?? 'Overview';
  useDocumentTitle(project.data ? `${page} · ${project.data.name} · Tandem` : 'Tandem');
  // Live updates once the project is known to exist (a 404 needs no stream).
  useProjectEvents(project.isSuccess ? projectId : undefined);
  if (project.isPending) {
    return (
      <Group justify="center" p="xl">
        <Loader aria-label="Loading project" />
      </Group>
    );
  }
  if (project.isError) return <ErrorState error={project.error} what="this project" />;
  const p = project.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h3" lineClamp={1}>
            {p.name}
          </Title>
          {(p.healthReason ?? p.description) && (
            <Text
              c="dimmed"
              size="sm"
              lineClamp={1}
              data-testid="project-status-line"
              title={p.healthReason ?? undefined}
            >
              {p.healthReason ?? p.description}
            </Text>
          )}
        </div>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {p.methodology && (
            <Badge variant="outline" color="gray">
              {p.methodology}
            </Badge>
          )}
          {p.phase && (
            <Tooltip label="Phase">
              <Badge variant="light" color="gray">
                {p.phase}
              </Badge>
            </Tooltip>
          )}
          <HealthBadge health={p.health} reason={p.healthReason} />
          <ProjectStatusButton project={p} />
        </Group>
      </Group>
      <Outlet />
    </Stack>
  );
}
