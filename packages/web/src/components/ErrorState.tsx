import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconAlertCircle, IconLock, IconSearch } from '@tabler/icons-react';
import { ApiError, describeError } from '../api/errors.ts';

/** A failed load, explained: not found / no access / the server's problem, with a retry. */
export function ErrorState({ error, what, onRetry }: { error: unknown; what: string; onRetry?: () => void }) {
  const status = error instanceof ApiError ? error.status : undefined;
  const title =
    status === 404
      ? `Could not find ${what}`
      : status === 403
        ? `You do not have access to ${what}`
        : status === 0
          ? 'Cannot reach the server'
          : `Could not load ${what}`;
  const Icon = status === 404 ? IconSearch : status === 403 ? IconLock : IconAlertCircle;
  return (
    <Alert
      color={status === 404 || status === 403 ? 'gray' : 'red'}
      icon={<Icon />}
      title={title}
      role="alert"
      my="md"
    >
      <Text size="sm">{describeError(error)}</Text>
      {error instanceof ApiError && error.errors.length > 1 && (
        <List size="sm" mt="xs">
          {error.errors.map((e) => (
            <List.Item key={`${e.path}:${e.message}`}>
              <code>{e.path}</code> {e.message}
            </List.Item>
          ))}
        </List>
      )}
      {onRetry && status !== 404 && status !== 403 && (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}
