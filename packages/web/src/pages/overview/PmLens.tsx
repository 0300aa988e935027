import { Paper, Text, Title } from '@mantine/core';
import { useSchedule } from '../../api/projects.ts';

/** The PM lens: milestones, schedule variance, budget and earned value, risks, changes, stakeholders. */
export function PmLens({ projectId }: { projectId: string }) {
  const schedule = useSchedule(projectId);
  const milestones = schedule.data?.tasks.filter((t) => t.milestone) ?? [];
  return (
    <Paper withBorder radius="lg" p="lg">
      <Title order={2} size="h4">
        Milestones
      </Title>
      {milestones.map((m) => (
        <Text key={m.id} size="sm">
          {m.name} — {m.finish.slice(0, 10)}
        </Text>
      ))}
    </Paper>
  );
}
