// The keyboard way to a task's links (MS Project: Task Information → Predecessors): a toolbar menu listing the
// selected task's predecessors and successors; each item opens the Task Dependency dialog.
import { Button, Menu } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconLink } from '@tabler/icons-react';
import { LINK_TYPE_NAMES } from '../../gantt/index.ts';
import type { TaskLink } from './task-links.ts';

export function LinksMenu({
  task,
  predecessors,
  successors,
  onOpen,
}: {
  /** the selected task's name; null: no task selected */
  task: string | null;
  predecessors: readonly TaskLink[];
  successors: readonly TaskLink[];
  onOpen: (depId: string) => void;
}) {
  const item = (l: TaskLink, dir: 'from' | 'to') => (
    <Menu.Item
      key={l.dep.id}
      leftSection={dir === 'from' ? <IconArrowLeft size={14} /> : <IconArrowRight size={14} />}
      onClick={() => onOpen(l.dep.id)}
      aria-label={`${dir === 'from' ? 'Predecessor' : 'Successor'} ${l.other} (${LINK_TYPE_NAMES[l.dep.type]}${l.lag === null ? '' : `, lag ${l.lag}`})`}
    >
      {l.other}{' '}
      <span style={{ opacity: 0.7 }}>
        ({l.dep.type}
        {l.lag === null ? '' : ` ${l.lag.startsWith('-') ? '' : '+'}${l.lag}`})
      </span>
    </Menu.Item>
  );
  return (
    <Menu position="bottom-start" shadow="md" width={320}>
      <Menu.Target>
        <Button size="xs" variant="default" leftSection={<IconLink size={14} />} disabled={task === null}>
          Links
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={`Links of ${task ?? ''}`}>
        <Menu.Label>Predecessors</Menu.Label>
        {predecessors.length === 0 ? (
          <Menu.Item disabled>None</Menu.Item>
        ) : (
          predecessors.map((l) => item(l, 'from'))
        )}
        <Menu.Divider />
        <Menu.Label>Successors</Menu.Label>
        {successors.length === 0 ? (
          <Menu.Item disabled>None</Menu.Item>
        ) : (
          successors.map((l) => item(l, 'to'))
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
