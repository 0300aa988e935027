// Calendar feeds: the project's milestones and deadlines at a secret URL that Google Calendar, Outlook
// or Apple Calendar subscribe to. The URL (its token) is shown once, right after it is made; feeds can
// be revoked (their URL answers 404 from then on).
import { Alert, Badge, Button, Group, List, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Panel } from '../../components/Panel.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';
import { CopyField } from './CopyField.tsx';
import { formatInstant } from '../../app/format.ts';
import {
  type CalendarFeed,
  type CreatedCalendarFeed,
  useCalendarFeeds,
  useCreateFeed,
  useRevokeFeed,
} from './integrations-api.ts';
import { writeErrorMessage } from './write-error.ts';

/** The feed's URL on this page's origin over https (as the browser sees the server) and as webcal://. */
function feedUrls(created: CreatedCalendarFeed): { https: string; webcal: string } {
  const path = new URL(created.url).pathname;
  const https = `${window.location.origin}${path}`;
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}

function SubscribeHelp({ https }: { https: string }) {
  return (
    <Tabs defaultValue="google" variant="outline">
      <Tabs.List>
        <Tabs.Tab value="google">Google Calendar</Tabs.Tab>
        <Tabs.Tab value="outlook">Outlook</Tabs.Tab>
        <Tabs.Tab value="apple">Apple Calendar</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="google" pt="xs">
        <List type="ordered" size="sm" spacing={2}>
          <List.Item>Open calendar.google.com on a computer.</List.Item>
          <List.Item>Next to “Other calendars” choose + → From URL.</List.Item>
          <List.Item>
            Paste the https URL and choose Add calendar. Google refreshes it every few hours.
          </List.Item>
        </List>
      </Tabs.Panel>
      <Tabs.Panel value="outlook" pt="xs">
        <List type="ordered" size="sm" spacing={2}>
          <List.Item>Outlook on the web: Calendar → Add calendar → Subscribe from web.</List.Item>
          <List.Item>Paste the https URL, give it a name and choose Import.</List.Item>
          <List.Item>Outlook for Windows: Add calendar → From Internet, the same URL.</List.Item>
        </List>
      </Tabs.Panel>
      <Tabs.Panel value="apple" pt="xs">
        <List type="ordered" size="sm" spacing={2}>
          <List.Item>
            On a Mac or iPhone, open the webcal:// link (or Calendar → File → New Calendar Subscription and
            paste it).
          </List.Item>
          <List.Item>Choose how often to refresh (every hour is fine) and Subscribe.</List.Item>
        </List>
      </Tabs.Panel>
      {!https.startsWith('https:') && (
        <Text size="xs" c="dimmed" mt="xs">
          This server is reached over plain http: calendar services on the internet can only subscribe when it
          is published over https.
        </Text>
      )}
    </Tabs>
  );
}

export function CalendarFeedPanel({ projectId, canPlan }: { projectId: string; canPlan: boolean }) {
  const feeds = useCalendarFeeds(projectId);
  const create = useCreateFeed(projectId);
  const revoke = useRevokeFeed(projectId);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [revoking, setRevoking] = useState<CalendarFeed | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const urls = created ? feedUrls(created) : null;
  const rows = feeds.data ?? [];

  return (
    <Panel
      id="calendar-feeds"
      title="Calendar feed"
      description="Milestones and deadlines in your calendar app, kept up to date. Anyone with the link can read them."
    >
      <Stack gap="sm">
        {canPlan && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setProblem(null);
              create.mutate(name, {
                onSuccess: (feed) => {
                  setCreated(feed);
                  setName('');
                },
                onError: (err) => setProblem(writeErrorMessage(err, 'calendar feeds')),
              });
            }}
          >
            <Group align="flex-end" gap="xs">
              <TextInput
                label="Feed name"
                placeholder="Project — milestones"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                maxLength={200}
                style={{ flex: 1 }}
              />
              <Button type="submit" leftSection={<IconPlus size={14} />} loading={create.isPending}>
                Create feed
              </Button>
            </Group>
          </form>
        )}
        {problem && (
          <Alert color="red" role="alert" withCloseButton onClose={() => setProblem(null)}>
            {problem}
          </Alert>
        )}
        {created && urls && (
          <Alert
            color="tandem"
            variant="light"
            title={`Subscribe to “${created.calendarFeed.name}”`}
            withCloseButton
            onClose={() => setCreated(null)}
            data-testid="feed-created"
          >
            <Stack gap="xs">
              <Text size="sm">Copy the link now: it is shown only once (it is the feed’s password).</Text>
              <CopyField label="Subscription URL" value={urls.https} testId="feed-url" />
              <CopyField label="webcal:// link" value={urls.webcal} testId="feed-webcal" />
              <SubscribeHelp https={urls.https} />
            </Stack>
          </Alert>
        )}
        {feeds.isError ? (
          <ErrorState error={feeds.error} what="the calendar feeds" onRetry={() => void feeds.refetch()} />
        ) : feeds.isPending ? (
          <Text size="sm" c="dimmed">
            Loading feeds…
          </Text>
        ) : rows.length === 0 ? (
          <EmptyState
            compact
            icon={IconCalendarEvent}
            title="No calendar feeds"
            description={
              canPlan
                ? 'Create one and subscribe to it from Google Calendar, Outlook or Apple Calendar.'
                : 'A PM or TPM of the project can create one.'
            }
          />
        ) : (
          <Table verticalSpacing={6} aria-label="Calendar feeds">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Link starts</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((feed) => (
                <Table.Tr key={feed.id} data-testid="feed-row">
                  <Table.Td>
                    <Text size="sm" td={feed.revokedAt ? 'line-through' : undefined}>
                      {feed.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {feed.prefix}…
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {feed.lastUsedAt ? formatInstant(feed.lastUsedAt, 'second') : 'Never'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {feed.revokedAt ? (
                      <Badge color="gray" variant="light">
                        Revoked
                      </Badge>
                    ) : (
                      canPlan && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(feed)}
                          aria-label={`Revoke ${feed.name}`}
                        >
                          Revoke
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke calendar feed?"
        confirmLabel="Revoke feed"
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          const feed = revoking;
          revoke.mutate(feed, {
            onSettled: () => setRevoking(null),
            onError: (e) => setProblem(writeErrorMessage(e, `the feed “${feed.name}”`)),
          });
        }}
      >
        Calendars subscribed to “{revoking?.name}” stop updating: its link answers “not found” from now on.
      </ConfirmModal>
    </Panel>
  );
}
