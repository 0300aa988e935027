import { ActionIcon, Tooltip } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { providerLabel } from './dora-format.ts';

/** Opens the signal at its provider (GitHub, GitLab, the CI server) in a new tab. */
export function ExternalLink({
  url,
  provider,
  what,
}: {
  url: string | null;
  provider?: string;
  what: string;
}) {
  if (!url) return null;
  const label = provider ? `Open ${what} in ${providerLabel(provider)}` : `Open ${what}`;
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon
        component="a"
        href={url}
        target="_blank"
        rel="noreferrer noopener"
        variant="subtle"
        size="sm"
        aria-label={label}
      >
        <IconExternalLink size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
