// Placeholder until the page's owner lands it: replace this file (keep the default export).
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';

export default function StakeholdersPage() {
  return (
    <PagePlaceholder
      title="Stakeholders"
      description="The stakeholder register, power–interest map and communication plan."
    />
  );
}
