import { Badge, Code, Table, Tabs, Text } from '@mantine/core';
import { IconAlertOctagon, IconGitCommit, IconRocket, IconTestPipe } from '@tabler/icons-react';
import { useState } from 'react';
import { Panel } from '../../components/Panel.tsx';
import { formatCoverage, formatInstant } from '../../app/format.ts';
import { formatSpan, shortSha, statusColor, statusLabel } from './dora-format.ts';
import type { CiRun } from './engineering-types.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { SignalList } from './SignalList.tsx';
import { WorkItemKeys } from './WorkItemKeys.tsx';

const StatusBadge = ({ status }: { status: string }) => (
  <Badge size="sm" variant="light" color={statusColor(status)}>
    {statusLabel(status)}
  </Badge>
);

const runTime = (r: CiRun) => r.finishedAt ?? r.startedAt ?? r.createdAt;

/** The raw signals in tabs: deployments, incidents, CI runs (with coverage), changes. */
export function SignalTabs({
  projectId,
  keys,
  releaseNames,
}: {
  projectId: string;
  keys: ReadonlyMap<string, string>;
  releaseNames: ReadonlyMap<string, string>;
}) {
  const [tab, setTab] = useState<string | null>('deployments');
  return (
    <Panel
      id="signals"
      title="Signals"
      description="What your tools sent, newest first; links open the provider"
    >
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="deployments" leftSection={<IconRocket size={16} />}>
            Deployments
          </Tabs.Tab>
          <Tabs.Tab value="incidents" leftSection={<IconAlertOctagon size={16} />}>
            Incidents
          </Tabs.Tab>
          <Tabs.Tab value="ci-runs" leftSection={<IconTestPipe size={16} />}>
            CI runs
          </Tabs.Tab>
          <Tabs.Tab value="changes" leftSection={<IconGitCommit size={16} />}>
            Changes
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="deployments" pt="sm">
          <SignalList
            projectId={projectId}
            kind="deployments"
            sort="deployedAt"
            label="deployments"
            emptyIcon={IconRocket}
            headers={['Deployed', 'Environment', 'Status', 'Commit', 'Release', 'Work items', '']}
            row={(d) => (
              <Table.Tr key={d.id}>
                <Table.Td className="tabular">{formatInstant(d.deployedAt)}</Table.Td>
                <Table.Td>{d.environment}</Table.Td>
                <Table.Td>
                  <StatusBadge status={d.status} />
                </Table.Td>
                <Table.Td>
                  <Code>{shortSha(d.sha)}</Code>{' '}
                  {d.ref && (
                    <Text span size="xs" c="dimmed">
                      {d.ref}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{d.releaseId ? (releaseNames.get(d.releaseId) ?? '—') : '—'}</Table.Td>
                <Table.Td>
                  <WorkItemKeys ids={d.workItemIds} keys={keys} />
                </Table.Td>
                <Table.Td>
                  <ExternalLink url={d.url} provider={d.provider} what={`deployment ${d.externalId}`} />
                </Table.Td>
              </Table.Tr>
            )}
          />
        </Tabs.Panel>

        <Tabs.Panel value="incidents" pt="sm">
          <SignalList
            projectId={projectId}
            kind="incidents"
            sort="openedAt"
            label="incidents"
            emptyIcon={IconAlertOctagon}
            headers={['Opened', 'Incident', 'Severity', 'State', 'Restored in', 'Work items', '']}
            row={(i) => (
              <Table.Tr key={i.id}>
                <Table.Td className="tabular">{formatInstant(i.openedAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{i.title}</Text>
                  <Text size="xs" c="dimmed">
                    {i.origin}
                    {i.source ? ` · ${i.source}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>{i.severity ?? '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge status={i.state} />
                </Table.Td>
                <Table.Td className="tabular">{formatSpan(i.openedAt, i.resolvedAt)}</Table.Td>
                <Table.Td>
                  <WorkItemKeys ids={i.workItemIds} keys={keys} />
                </Table.Td>
                <Table.Td>
                  <ExternalLink url={i.url} provider={i.provider} what={`incident ${i.title}`} />
                </Table.Td>
              </Table.Tr>
            )}
          />
        </Tabs.Panel>

        <Tabs.Panel value="ci-runs" pt="sm">
          <SignalList
            projectId={projectId}
            kind="ci-runs"
            sort="createdAt"
            label="CI runs"
            emptyIcon={IconTestPipe}
            order={(a, b) => runTime(b).localeCompare(runTime(a))}
            headers={['Finished', 'Run', 'Status', 'Branch', 'Duration', 'Coverage', 'Work items', '']}
            row={(r) => (
              <Table.Tr key={r.id}>
                <Table.Td className="tabular">{formatInstant(runTime(r))}</Table.Td>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>
                  <StatusBadge status={r.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.branch ?? '—'}</Text>
                  <Code>{shortSha(r.sha)}</Code>
                </Table.Td>
                <Table.Td className="tabular">{formatSpan(r.startedAt, r.finishedAt)}</Table.Td>
                <Table.Td className="tabular">{formatCoverage(r.coverage)}</Table.Td>
                <Table.Td>
                  <WorkItemKeys ids={r.workItemIds} keys={keys} />
                </Table.Td>
                <Table.Td>
                  <ExternalLink url={r.url} provider={r.provider} what={`run ${r.name}`} />
                </Table.Td>
              </Table.Tr>
            )}
          />
        </Tabs.Panel>

        <Tabs.Panel value="changes" pt="sm">
          <SignalList
            projectId={projectId}
            kind="changes"
            sort="committedAt"
            label="changes"
            emptyIcon={IconGitCommit}
            headers={['Committed', 'Commit', 'Message', 'Author', 'Pull request', 'Landed', 'Work items', '']}
            row={(c) => (
              <Table.Tr key={c.id}>
                <Table.Td className="tabular">{formatInstant(c.committedAt)}</Table.Td>
                <Table.Td>
                  <Code>{shortSha(c.sha)}</Code>
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" lineClamp={2}>
                    {c.message.split('\n')[0]}
                  </Text>
                  {c.branch && (
                    <Text size="xs" c="dimmed">
                      {c.branch}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{c.author ?? '—'}</Table.Td>
                <Table.Td className="tabular">{c.pullRequest !== null ? `#${c.pullRequest}` : '—'}</Table.Td>
                <Table.Td className="tabular">
                  {c.landedAt ? formatInstant(c.landedAt) : 'not yet'}
                  {c.landedAs && c.landedAs !== c.sha && (
                    <Text size="xs" c="dimmed">
                      as <Code>{shortSha(c.landedAs)}</Code>
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <WorkItemKeys ids={c.workItemIds} keys={keys} />
                </Table.Td>
                <Table.Td>
                  <ExternalLink url={c.url} provider={c.provider} what={`commit ${shortSha(c.sha)}`} />
                </Table.Td>
              </Table.Tr>
            )}
          />
        </Tabs.Panel>
      </Tabs>
    </Panel>
  );
}
