// Meetings and their action items (issue 7 §8), with the conversion of an action item into a work item.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ProjectEntity, api, projectCollection } from '../../api/index.ts';

export interface Meeting extends ProjectEntity {
  kind: 'standup' | 'status' | 'gate_review';
  title: string;
  heldOn: string;
  attendees: string[];
  agenda: string[];
  notes: string | null;
  decisions: string[];
}

export interface ActionItem extends ProjectEntity {
  meetingId: string;
  text: string;
  ownerId: string | null;
  owner: string | null;
  dueDate: string | null;
  status: 'open' | 'done' | 'cancelled' | 'converted';
  workItemId: string | null;
}

export const meetings = projectCollection<Meeting>('meetings', { label: 'meeting' });
export const actionItems = projectCollection<ActionItem>('action-items', {
  label: 'action item',
  describe: (r) => r.text as string,
});

/** `POST /api/action-items/{id}/convert`: the action item becomes a work item. */
export function useConvertActionItem(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (item: ActionItem) =>
      api<{ actionItem: ActionItem; workItem: { id: string; name: string } }>(
        `/api/action-items/${item.id}/convert`,
        { method: 'POST', body: {}, ifMatch: item.version },
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['project', projectId] }),
  });
}
