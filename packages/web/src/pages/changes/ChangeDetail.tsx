import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCheck, IconClock, IconX } from '@tabler/icons-react';
import { describeError, useProject } from '../../api/index.ts';
import { formatDate, formatMoney, formatWorkDuration } from '../../app/format.ts';
import { Panel } from '../../components/Panel.tsx';
import { CR_STATUS_COLOR, useChangeAction, useSignOffs, type ChangeRequestFull } from './governance.ts';

const signed = (n: number, unit = '') => `${n > 0 ? '+' : ''}${Math.round(n * 10) / 10}${unit}`;

/** One change request: what, why, its impact (analysed on a what-if copy of the plan), sign-offs. */
export function ChangeDetail({ projectId, cr }: { projectId: string; cr: ChangeRequestFull }) {
  const project = useProject(projectId);
  const currency = project.data?.currency ?? null;
  const perDay = project.data?.units.minutesPerDay ?? 480;
  const signOffs = useSignOffs(projectId, cr.id);
  const action = useChangeAction(projectId);
  const decided = ['approved', 'rejected', 'implemented', 'withdrawn'].includes(cr.status);
  const impact = cr.impactAnalysis;
  const run = (path: string, body?: unknown, ifMatch?: number) =>
    action.mutate({ path: `/api/change-requests/${cr.id}/${path}`, body, ifMatch });

  return (
    <Panel
      id="change-detail"
      title={
        <Group gap="xs">
          <Text ff="monospace" c="dimmed" span>
            {cr.key}
          </Text>
          {cr.title}
        </Group>
      }
      description={cr.requester ? `Requested by ${cr.requester}` : undefined}
      action={
        <Badge color={CR_STATUS_COLOR[cr.status] ?? 'gray'} variant="light" size="lg">
          {cr.status}
        </Badge>
      }
    >
      <Stack gap="md">
        {cr.description && <Text size="sm">{cr.description}</Text>}
        {cr.reason && (
          <Text size="sm">
            <b>Why: </b>
            {cr.reason}
          </Text>
        )}
        <SimpleGrid cols={2} spacing="sm">
          <ImpactBox
            label="Schedule impact (estimate)"
            value={
              cr.scheduleImpactMinutes === null ? '—' : formatWorkDuration(cr.scheduleImpactMinutes, perDay)
            }
          />
          <ImpactBox label="Cost impact (estimate)" value={formatMoney(cr.costImpactAmount, currency)} />
        </SimpleGrid>
        {(cr.scopeImpact || cr.technicalImpact) && (
          <Stack gap={4}>
            {cr.scopeImpact && (
              <Text size="sm">
                <b>Scope: </b>
                {cr.scopeImpact}
              </Text>
            )}
            {cr.technicalImpact && (
              <Text size="sm">
                <b>Technical: </b>
                {cr.technicalImpact}
              </Text>
            )}
          </Stack>
        )}
        <Divider />
        <Group justify="space-between">
          <Title order={3} size="h6">
            Impact on the plan
          </Title>
          {!decided && (
            <Button size="xs" variant="light" loading={action.isPending} onClick={() => run('impact')}>
              {impact ? 'Re-analyse' : 'Analyse impact'}
            </Button>
          )}
        </Group>
        {impact ? (
          <SimpleGrid cols={3} spacing="sm">
            <ImpactBox
              label="Finish"
              value={signed(impact.delta.finishWorkingDays, ' working days')}
              hint={`${formatDate(impact.before.finish)} → ${formatDate(impact.after.finish)}`}
              bad={impact.delta.finishWorkingDays > 0}
            />
            <ImpactBox
              label="Cost"
              value={`${impact.delta.cost > 0 ? '+' : ''}${formatMoney(impact.delta.cost, currency)}`}
              hint={`${formatMoney(impact.before.cost, currency)} → ${formatMoney(impact.after.cost, currency)}`}
              bad={impact.delta.cost > 0}
            />
            <ImpactBox
              label="P80 finish"
              value={
                impact.delta.p80WorkingDays === undefined ? '—' : signed(impact.delta.p80WorkingDays, ' days')
              }
              hint={impact.after.p80 ? `80% confident by ${formatDate(impact.after.p80.date)}` : undefined}
              bad={(impact.delta.p80WorkingDays ?? 0) > 0}
            />
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            Not analysed yet: the analysis re-schedules a copy of the plan with this change and compares
            finish, cost and the P80 date.
          </Text>
        )}
        <Divider />
        <Title order={3} size="h6">
          Sign-offs
        </Title>
        {signOffs.data && (
          <List spacing={6} size="sm" center>
            {signOffs.data.required.map((role) => {
              const given = [...signOffs.data.items].reverse().find((s) => s.role === role);
              const decision = given?.decision;
              return (
                <List.Item
                  key={role}
                  icon={
                    <ThemeIcon
                      size={22}
                      radius="xl"
                      variant="light"
                      color={decision === 'approved' ? 'teal' : decision === 'rejected' ? 'red' : 'gray'}
                    >
                      {decision === 'approved' ? (
                        <IconCheck size={14} />
                      ) : decision === 'rejected' ? (
                        <IconX size={14} />
                      ) : (
                        <IconClock size={14} />
                      )}
                    </ThemeIcon>
                  }
                >
                  <b>{role.toUpperCase()}</b> — {decision ?? 'waiting'}
                  {given?.comment ? ` · “${given.comment}”` : ''}
                </List.Item>
              );
            })}
          </List>
        )}
        {!decided && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              color="teal"
              onClick={() => run('sign-offs', { decision: 'approved' })}
            >
              Sign off
            </Button>
            <Button
              size="xs"
              variant="light"
              color="red"
              onClick={() => run('sign-offs', { decision: 'rejected' })}
            >
              Reject
            </Button>
            <Button
              size="xs"
              disabled={(signOffs.data?.missing.length ?? 1) > 0}
              title={signOffs.data?.missing.map((m) => m.reason).join('; ')}
              onClick={() => run('approve', { apply: true }, cr.version)}
            >
              Approve and apply
            </Button>
          </Group>
        )}
        {signOffs.data && signOffs.data.missing.length > 0 && !decided && (
          <Text size="xs" c="dimmed">
            Approval needs: {signOffs.data.missing.map((m) => m.reason).join('; ')}.
          </Text>
        )}
        {action.isError && (
          <Alert color="red" role="alert">
            {describeError(action.error)}
          </Alert>
        )}
      </Stack>
    </Panel>
  );
}

function ImpactBox({
  label,
  value,
  hint,
  bad,
}: {
  label: string;
  value: string;
  hint?: string;
  bad?: boolean;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} c={bad ? 'red' : undefined}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
}
