// Placeholder until the page's owner lands it: replace this file (keep the default export).
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';

export default function ResourcesPage() {
  return <PagePlaceholder title="Resources" description="People and their allocation over time." />;
}
