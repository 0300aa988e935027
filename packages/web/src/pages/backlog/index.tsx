// Placeholder until the page's owner lands it: replace this file (keep the default export).
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';

export default function BacklogPage() {
  return (
    <PagePlaceholder
      title="Backlog & sprints"
      description="The ranked backlog, sprint planning against capacity, and burndown."
    />
  );
}
