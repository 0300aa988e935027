import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/** A small link to another page of the project (`page` is the segment: 'raid', 'gantt'…). */
export function PageLink({
  projectId,
  page,
  children,
}: {
  projectId: string;
  page: string;
  children: ReactNode;
}) {
  const to = `/projects/${projectId}/${page}`;
  return (
    <Anchor size="xs" fw={500} renderRoot={(props) => <Link to={to} {...props} />}>
      {children}
    </Anchor>
  );
}
