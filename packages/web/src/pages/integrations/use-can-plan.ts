// Whether the signed-in user has the project's plan permission (webhooks, imports, calendar feeds) —
// the server's rule (auth/authorize.ts `roleInProject`): workspace owners and admins everywhere, else
// the project membership's role (pm or tpm), a workspace viewer staying a viewer. `undefined` while
// unknown. Only to hide buttons: the server still decides, and its 403 is shown where it happens.
import { useQuery } from '@tanstack/react-query';
import { type Page, api, queryKeys, useMe } from '../../api/index.ts';

const PLANNERS = new Set(['owner', 'admin', 'pm', 'tpm']);

export function useCanPlan(projectId: string): boolean | undefined {
  const me = useMe();
  const role = me?.role;
  const needsMembership = role !== undefined && role !== 'owner' && role !== 'admin' && role !== 'viewer';
  const membership = useQuery({
    queryKey: [...queryKeys.collection(projectId, 'members'), 'me', me?.user.id],
    queryFn: ({ signal }) =>
      api<Page<{ role: string }>>(`/api/projects/${encodeURIComponent(projectId)}/members`, {
        query: { userId: me?.user.id, limit: 1 },
        signal,
      }),
    enabled: needsMembership && me !== undefined && me !== null,
    meta: { silent: true },
  });
  if (!me || !role) return undefined;
  if (role === 'owner' || role === 'admin') return true;
  if (role === 'viewer') return false;
  if (membership.isError) return false;
  const projectRole = membership.data?.items[0]?.role;
  return membership.data ? projectRole !== undefined && PLANNERS.has(projectRole) : undefined;
}
