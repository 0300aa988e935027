// Placeholder until the page's owner lands it: replace this file (keep the default export).
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';

export default function GridPage() {
  return <PagePlaceholder title="Grid" description="Every work item in an editable spreadsheet-like grid." />;
}
