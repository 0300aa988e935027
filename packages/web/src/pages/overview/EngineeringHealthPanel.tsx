import { IconActivityHeartbeat } from '@tabler/icons-react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Panel } from '../../components/Panel.tsx';

/** DORA's four keys and build health, once engineering signals flow in (webhooks). */
export function EngineeringHealthPanel() {
  return (
    <Panel
      id="engineering-health"
      title="Engineering health"
      description="Deployment frequency, lead time, change failure rate, time to restore"
    >
      <EmptyState
        compact
        icon={IconActivityHeartbeat}
        title="No engineering signals yet"
        description="Connect GitHub, GitLab, your CI and alerting through webhooks: deployments, builds and incidents then show here as DORA's four keys next to the schedule."
      />
    </Panel>
  );
}
