import { ActionIcon, Popover, Text } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import type { EngineeringState } from '../api/engineering-state.ts';
import { EngineeringStateBadges } from './EngineeringStateBadges.tsx';
import { EngineeringStateDetail } from './EngineeringStateDetail.tsx';
import { hasEngineeringSignals } from './engineering-state.ts';

/** The badges with a button that opens the full detail in a popover; `name` is what the state is of. */
export function EngineeringStatePopover({ state, name }: { state: EngineeringState; name: string }) {
  const details = hasEngineeringSignals(state) && (
    <Popover width={380} position="bottom-start" shadow="md" withArrow trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Engineering details of ${name}`}>
          <IconListDetails size={14} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown aria-label={`Engineering details of ${name}`}>
        {/* Focus lands on the title (not the first link) when it opens; Escape returns it. */}
        <Text
          size="xs"
          c="dimmed"
          mb={6}
          fw={600}
          tt="uppercase"
          tabIndex={-1}
          data-autofocus
          style={{ outline: 'none' }}
        >
          Engineering · {name}
        </Text>
        <EngineeringStateDetail state={state} />
      </Popover.Dropdown>
    </Popover>
  );
  return (
    <div role="group" aria-label={`Engineering state of ${name}`}>
      <EngineeringStateBadges state={state} trailing={details} />
    </div>
  );
}
