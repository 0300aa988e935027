// The dependency dialog's writes: PATCH (If-Match; a 412 goes through the conflict dialog) and DELETE of one
// link. The schedule, the links and the lists refetch after each, so the successors move. Errors are not
// toasted: the dialog shows the server's message and stays open.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys.ts';
import { dependencies, type Dependency } from './gantt-api.ts';

export type LinkPatch = Partial<
  Pick<Dependency, 'type' | 'lagMinutes' | 'lagPercent' | 'lagElapsed' | 'lagUnit'>
>;

export function useLinkEdits(projectId: string) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: queryKeys.schedule(projectId) });
    void client.invalidateQueries({ queryKey: queryKeys.collection(projectId, 'dependencies') });
    void client.invalidateQueries({ queryKey: queryKeys.collection(projectId, 'work-items') });
    void client.invalidateQueries({ queryKey: queryKeys.summary(projectId) });
  };
  const save = useMutation({
    meta: { silent: true },
    mutationFn: ({ dep, patch }: { dep: Dependency; patch: LinkPatch }) => dependencies.patch(dep, patch),
    onSettled: refresh,
  });
  const remove = useMutation({
    meta: { silent: true },
    mutationFn: (dep: Dependency) => dependencies.remove(dep),
    onSettled: refresh,
  });
  return { save, remove };
}
