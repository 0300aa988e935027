import { Button, Menu, Text } from '@mantine/core';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { Me } from '../api/types.ts';
import { setWorkspaceId } from '../api/workspace-store.ts';

/** Picks the workspace every request works in (`Tandem-Workspace`); switching starts at its portfolio. */
export function WorkspaceSwitcher({ me }: { me: Me }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const choose = async (id: string) => {
    if (id === me.workspace.id) return;
    setWorkspaceId(id);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    await client.invalidateQueries({ queryKey: ['me'] });
    await navigate({ to: '/' });
  };
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          rightSection={<IconChevronDown size={14} />}
          aria-label={`Workspace: ${me.workspace.name}. Switch workspace`}
          px="xs"
        >
          <Text fw={600} size="sm" truncate maw={220}>
            {me.workspace.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Workspaces</Menu.Label>
        {me.workspaces.map((w) => (
          <Menu.Item
            key={w.id}
            onClick={() => void choose(w.id)}
            rightSection={w.id === me.workspace.id ? <IconCheck size={14} aria-label="current" /> : null}
          >
            {w.name}
            <Text span c="dimmed" size="xs" ml={6}>
              {w.role}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
