import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useParams } from '@tanstack/react-router';
import { useMe } from '../api/session.ts';
import { Logo } from '../components/Logo.tsx';
import { LiveIndicator } from './LiveIndicator.tsx';
import { ProjectNav } from './ProjectNav.tsx';
import { ProjectSwitcher } from './ProjectSwitcher.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { UserMenu } from './UserMenu.tsx';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.tsx';

/** The signed-in frame: header (workspace, project, live state, theme, account) and, in a project, its pages. */
export function AppLayout() {
  const me = useMe();
  const { projectId } = useParams({ strict: false });
  const [navOpen, { toggle }] = useDisclosure(false);
  if (!me) return null; // the route's guard redirects before this renders
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={projectId ? { width: 224, breakpoint: 'sm', collapsed: { mobile: !navOpen } } : undefined}
      padding="lg"
    >
      <Anchor href="#main" className="skip-link">
        Skip to content
      </Anchor>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {projectId && (
              <Burger
                opened={navOpen}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label="Project pages"
              />
            )}
            <Link to="/" aria-label="Tandem — portfolio" className="logo-link">
              <Logo />
            </Link>
            <Text c="dimmed" aria-hidden visibleFrom="sm">
              /
            </Text>
            <WorkspaceSwitcher me={me} />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <ProjectSwitcher />
            <LiveIndicator />
            <ThemeToggle />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      {projectId && (
        <AppShell.Navbar p="sm" aria-label="Project pages">
          <ProjectNav projectId={projectId} />
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
