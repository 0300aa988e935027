import { Paper } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { EmptyState } from './EmptyState.tsx';

/** Stand-in for a page whose owner has not landed it yet (replace the page's index.tsx). */
export function PagePlaceholder({ title, description }: { title: string; description: string }) {
  return (
    <Paper withBorder radius="lg">
      <EmptyState icon={IconTools} title={`${title} is on its way`} description={description} />
    </Paper>
  );
}
