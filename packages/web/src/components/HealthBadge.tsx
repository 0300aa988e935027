import { Badge, Tooltip } from '@mantine/core';
import type { Health } from '../api/types.ts';
import { HEALTH_COLOR } from '../app/theme.ts';

const LABEL = { green: 'On track', amber: 'At risk', red: 'Off track' } as const;

/** RAG status with its reason on hover (and in the accessible name). */
export function HealthBadge({ health, reason }: { health: Health | null; reason?: string | null }) {
  if (!health) {
    return (
      <Badge variant="light" color="gray">
        No status
      </Badge>
    );
  }
  const badge = (
    <Badge
      variant="light"
      color={HEALTH_COLOR[health]}
      leftSection={<span className={`rag-dot rag-${health}`} aria-hidden="true" />}
      aria-label={`Health ${health}: ${LABEL[health]}${reason ? `. ${reason}` : ''}`}
    >
      {LABEL[health]}
    </Badge>
  );
  return reason ? (
    <Tooltip label={reason} multiline w={320}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
