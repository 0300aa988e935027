import { Paper, Text, Title } from '@mantine/core';
import { useSchedule } from '../../api/projects.ts';

/** The TPM lens: critical path, blockers, technical risks, requirements coverage, releases, engineering health. */
export function TpmLens({ projectId }: { projectId: string }) {
  const schedule = useSchedule(projectId);
  const byId = new Map(schedule.data?.tasks.map((t) => [t.id, t]));
  return (
    <Paper withBorder radius="lg" p="lg">
      <Title order={2} size="h4">
        Critical path
      </Title>
      {schedule.data?.criticalPath.map((id) => (
        <Text key={id} size="sm">
          {byId.get(id)?.name ?? id}
        </Text>
      ))}
    </Paper>
  );
}
