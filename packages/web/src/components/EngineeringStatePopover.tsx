import { ActionIcon, Group, Popover, Text } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import type { EngineeringState } from '../api/engineering-state.ts';
import { EngineeringStateBadges } from './EngineeringStateBadges.tsx';
import { EngineeringStateDetail } from './EngineeringStateDetail.tsx';
import { hasEngineeringSignals } from './engineering-state.ts';

/** The badges with a button that opens the full detail in a popover; `name` is what the state is of. */
export function EngineeringStatePopover({ state, name }: { state: EngineeringState; name: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="center" aria-label={`Engineering state of ${name}`} role="group">
      <div style={{ minWidth: 0 }}>
        <EngineeringStateBadges state={state} />
      </div>
      {hasEngineeringSignals(state) && (
        <Popover width={380} position="bottom-start" shadow="md" withArrow trapFocus={false}>
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Engineering details of ${name}`}>
              <IconListDetails size={14} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown aria-label={`Engineering details of ${name}`}>
            <Text size="xs" c="dimmed" mb={6} fw={600} tt="uppercase">
              Engineering · {name}
            </Text>
            <EngineeringStateDetail state={state} />
          </Popover.Dropdown>
        </Popover>
      )}
    </Group>
  );
}
