import { Avatar, Menu, UnstyledButton } from '@mantine/core';
import { IconApi, IconLogout } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useSignOut } from '../api/session.ts';
import type { Me } from '../api/types.ts';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

export function UserMenu({ me }: { me: Me }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${me.user.name}`} style={{ borderRadius: '50%' }}>
          <Avatar color="tandem" radius="xl" size={34}>
            {initials(me.user.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.user.name} · {me.role}
          <br />
          {me.user.email}
        </Menu.Label>
        <Menu.Item component="a" href="/api/docs" target="_blank" leftSection={<IconApi size={16} />}>
          API docs
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/sign-in' }) })}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
