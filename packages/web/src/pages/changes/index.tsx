// Placeholder until the page's owner lands it: replace this file (keep the default export).
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';

export default function ChangesPage() {
  return (
    <PagePlaceholder
      title="Change requests"
      description="Change requests with impact and approvals by the PM and TPM."
    />
  );
}
