import { Anchor, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useRaiseRisk } from './engineering-api.ts';
import type { SignalKind } from './engineering-types.ts';

/**
 * One click: a technical RAID risk describing the signal (`POST …/signals/{kind}/{id}/raise-risk`).
 * On success a notification names the new risk and links to the RAID log; the button then says
 * "Risk raised" (the parent remembers which signals have one, as `raisedKey`).
 */
export function RaiseRiskButton({
  projectId,
  kind,
  signalId,
  what,
  raisedKey,
  onRaised,
}: {
  projectId: string;
  kind: SignalKind;
  signalId: string;
  /** For the accessible name: "Raise a risk for build CI". */
  what: string;
  raisedKey: string | undefined;
  onRaised: (riskKey: string) => void;
}) {
  const raise = useRaiseRisk(projectId);
  const navigate = useNavigate();
  if (raisedKey !== undefined)
    return (
      <Button
        size="compact-sm"
        variant="light"
        color="teal"
        leftSection={<IconCheck size={14} />}
        disabled
        aria-label={`Risk raised for ${what}${raisedKey ? ` (${raisedKey})` : ''}`}
      >
        Risk raised
      </Button>
    );
  const raidPath = `/projects/${projectId}/raid`;
  return (
    <Button
      size="compact-sm"
      variant="light"
      color="orange"
      leftSection={<IconAlertTriangle size={14} />}
      loading={raise.isPending}
      aria-label={`Raise risk for ${what}`}
      onClick={() =>
        raise.mutate(
          { kind, signalId },
          {
            onSuccess: (risk) => {
              onRaised(risk.key ?? '');
              const id = `risk-${risk.id}`;
              notifications.show({
                id,
                color: 'teal',
                title: `Risk ${risk.key ?? ''} raised`,
                autoClose: 10_000,
                message: (
                  <Text size="sm">
                    {risk.title}.{' '}
                    <Anchor
                      href={raidPath}
                      size="sm"
                      onClick={(event) => {
                        event.preventDefault();
                        notifications.hide(id);
                        void navigate({ to: raidPath });
                      }}
                    >
                      Open the RAID log
                    </Anchor>
                  </Text>
                ),
              });
            },
          },
        )
      }
    >
      Raise risk
    </Button>
  );
}
