// Placeholder until the page's owner lands it: replace this file (keep the default export).
import { PagePlaceholder } from '../../components/PagePlaceholder.tsx';

export default function GanttPage() {
  return (
    <PagePlaceholder
      title="Gantt"
      description="The schedule as a Gantt chart with links, the critical path and baselines."
    />
  );
}
