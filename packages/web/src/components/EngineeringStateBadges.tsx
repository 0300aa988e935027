import { Badge, Group, Text, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconRocket,
  IconShieldCheck,
  IconTestPipe,
  IconX,
  type Icon,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { EngineeringState } from '../api/engineering-state.ts';
import { type EngineeringBadge, engineeringBadges } from './engineering-state.ts';
import { TONE_COLOR } from './status.ts';

function iconOf(badge: EngineeringBadge): Icon {
  switch (badge.kind) {
    case 'builds':
      return badge.tone === 'bad' ? IconX : IconCheck;
    case 'deployments':
      return IconRocket;
    case 'incidents':
      return badge.tone === 'good' ? IconShieldCheck : IconAlertTriangle;
    case 'coverage':
      return IconTestPipe;
  }
}

/**
 * A row of small badges — builds, production deployments, open incidents, coverage — each with a
 * tooltip saying what it means. A state with nothing linked shows a quiet grey line instead.
 */
export function EngineeringStateBadges({
  state,
  trailing,
}: {
  state: EngineeringState;
  /** Shown after the last badge, in the same wrapping row (e.g. a details button). */
  trailing?: ReactNode;
}) {
  const badges = engineeringBadges(state);
  if (badges.length === 0)
    return (
      <Text size="xs" c="dimmed" data-engineering-state="empty">
        No engineering signals linked
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap" data-engineering-state="badges">
      {badges.map((b) => {
        const BadgeIcon = iconOf(b);
        return (
          <Tooltip key={b.kind} label={b.hint} multiline w={280} withArrow openDelay={150}>
            <Badge
              size="sm"
              radius="sm"
              variant="light"
              tt="none"
              fw={500}
              color={TONE_COLOR[b.tone]}
              leftSection={<BadgeIcon size={12} stroke={2} aria-hidden />}
              data-kind={b.kind}
              data-tone={b.tone}
              className="tabular"
            >
              {b.label}
              <span className="visually-hidden">. {b.hint}</span>
            </Badge>
          </Tooltip>
        );
      })}
      {trailing}
    </Group>
  );
}
