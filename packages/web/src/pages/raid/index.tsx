// Placeholder until the page's owner lands it: replace this file (keep the default export).
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';

export default function RaidPage() {
  return (
    <PagePlaceholder
      title="RAID"
      description="Risks, assumptions, issues and decisions, with the risk heat map."
    />
  );
}
