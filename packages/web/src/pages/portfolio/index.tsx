import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFolders } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useProjects } from '../../api/projects.ts';
import type { Project } from '../../api/types.ts';
import { formatDate, formatMoney } from '../../app/format.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { HealthBadge } from '../../components/HealthBadge.tsx';

/** Portfolio home: every project of the workspace with its health, next milestone and budget. */
export default function PortfolioPage() {
  const projects = useProjects();
  return (
    <Stack gap="lg" maw={1280} mx="auto">
      <div>
        <Title order={1} size="h2">
          Portfolio
        </Title>
        <Text c="dimmed" size="sm">
          Every project in this workspace, with its health and what comes next.
        </Text>
      </div>
      {projects.isPending ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Skeleton h={180} radius="lg" />
          <Skeleton h={180} radius="lg" />
        </SimpleGrid>
      ) : projects.isError ? (
        <ErrorState error={projects.error} what="the projects" onRetry={() => void projects.refetch()} />
      ) : projects.data.length === 0 ? (
        <EmptyState
          icon={IconFolders}
          title="No projects yet"
          description="Create a project with the API or import a plan with `tandem import`, and it appears here."
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {projects.data.map((p) => (
            <ProjectCard key={p.id} project={p} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function ProjectCard({ project: p }: { project: Project }) {
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      renderRoot={(props) => <Link to="/projects/$projectId" params={{ projectId: p.id }} {...props} />}
      aria-label={`Open ${p.name}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4" lineClamp={2}>
            {p.name}
          </Title>
          <div style={{ flexShrink: 0 }}>
            <HealthBadge health={p.health} />
          </div>
        </Group>
        {p.healthReason && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {p.healthReason}
          </Text>
        )}
        <Group gap="xs">
          {p.phase && (
            <Badge variant="light" color="gray">
              {p.phase}
            </Badge>
          )}
          {p.methodology && (
            <Badge variant="outline" color="gray">
              {p.methodology}
            </Badge>
          )}
        </Group>
        <Group gap="xl">
          <Text size="sm">
            <Text span c="dimmed">
              Start{' '}
            </Text>
            {formatDate(p.start)}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              Budget{' '}
            </Text>
            {formatMoney(p.budget, p.currency)}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
