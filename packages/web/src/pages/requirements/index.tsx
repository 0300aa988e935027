// Placeholder until the page's owner lands it: replace this file (keep the default export).
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';

export default function RequirementsPage() {
  return (
    <PagePlaceholder
      title="Requirements"
      description="Requirements with priorities and coverage by work items."
    />
  );
}
