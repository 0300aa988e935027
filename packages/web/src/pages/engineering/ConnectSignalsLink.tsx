import { Button } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';

/** Empty states point here: webhooks are set up on the Integrations page. */
export function ConnectSignalsLink({ projectId }: { projectId: string }) {
  const to = `/projects/${projectId}/integrations`;
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconPlugConnected size={16} />}
      renderRoot={(props) => <Link to={to} {...props} />}
    >
      Connect GitHub, GitLab, CI, alerts
    </Button>
  );
}
