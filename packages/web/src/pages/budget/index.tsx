// Placeholder until the page's owner lands it: replace this file (keep the default export).
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';

export default function BudgetPage() {
  return <PagePlaceholder title="Budget & EVM" description="Budget, cost and earned value over time." />;
}
