import { Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFolders } from '@tabler/icons-react';
import { useProjects } from '../../api/projects.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ProjectCard } from './ProjectCard.tsx';

/** Portfolio home: every project of the workspace with its health, next milestone and budget. */
export default function PortfolioPage() {
  const projects = useProjects();
  useDocumentTitle('Portfolio · Tandem');
  const active = projects.data?.filter((p) => !p.archivedAt) ?? [];
  const count = (health: string) => active.filter((p) => p.health === health).length;
  return (
    <Stack gap="lg" maw={1320} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Portfolio
          </Title>
          <Text c="dimmed" size="sm">
            Every project in this workspace: its health, the next milestone and where the money stands.
          </Text>
        </div>
        {active.length > 0 && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {active.length} active ·{' '}
            <span style={{ color: 'var(--mantine-color-teal-6)' }}>{count('green')} on track</span>
            {' · '}
            <span style={{ color: 'var(--mantine-color-yellow-7)' }}>{count('amber')} at risk</span>
            {' · '}
            <span style={{ color: 'var(--mantine-color-red-6)' }}>{count('red')} off track</span>
          </Text>
        )}
      </Group>
      {projects.isPending ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Skeleton h={260} radius="lg" />
          <Skeleton h={260} radius="lg" />
        </SimpleGrid>
      ) : projects.isError ? (
        <ErrorState error={projects.error} what="the projects" onRetry={() => void projects.refetch()} />
      ) : active.length === 0 ? (
        <EmptyState
          icon={IconFolders}
          title="No projects yet"
          description="Create a project through the API (POST /api/projects) or import a plan with `tandem import`; it shows up here with its health and budget."
        />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {active.map((p) => (
            <ProjectCard key={p.id} project={p} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
