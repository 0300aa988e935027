// Placeholder until the page's owner lands it: replace this file (keep the default export).
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';

export default function BoardPage() {
  return (
    <PagePlaceholder
      title="Board"
      description="Work items as cards by status, with drag and drop between columns and swimlanes by track."
    />
  );
}
