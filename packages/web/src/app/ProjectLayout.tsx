import { Badge, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useProjectEvents } from '../api/live-events.ts';
import { useProject } from '../api/projects.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { HealthBadge } from '../components/HealthBadge.tsx';
import { useProjectId } from './use-project-id.ts';

/** A project's frame: its title and health, live updates, and the current page. */
export function ProjectLayout() {
  const projectId = useProjectId();
  useProjectEvents(projectId);
  const project = useProject(projectId);
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
          {p.description && (
            <Text c="dimmed" size="sm" lineClamp={1}>
              {p.description}
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
        </Group>
      </Group>
      <Outlet />
    </Stack>
  );
}
