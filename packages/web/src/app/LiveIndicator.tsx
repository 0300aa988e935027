import { Badge, Tooltip } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useLiveStatus } from '../api/live-events.ts';

/** In a project: whether others' changes stream in live. */
export function LiveIndicator() {
  const { projectId } = useParams({ strict: false });
  const status = useLiveStatus();
  if (!projectId) return null;
  const label =
    status === 'live'
      ? 'Live: changes by others appear as they happen'
      : status === 'connecting'
        ? 'Connecting to live updates…'
        : 'Live updates paused; reconnecting';
  return (
    <Tooltip label={label}>
      <Badge
        variant="dot"
        color={status === 'live' ? 'teal' : status === 'connecting' ? 'gray' : 'orange'}
        visibleFrom="md"
        aria-label={label}
        data-live-status={status}
      >
        {status === 'live' ? 'Live' : status === 'connecting' ? 'Connecting' : 'Offline'}
      </Badge>
    </Tooltip>
  );
}
