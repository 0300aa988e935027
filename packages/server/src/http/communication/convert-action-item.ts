/**
 * `POST /api/action-items/{id}/convert`: an action item becomes a work item of its project (its text
 * the name, its owner the assignee, its due date the deadline, the meeting named in the notes), and
 * the action item records it (`status: converted`, `workItemId`). One transaction; `If-Match` on the
 * action item, so converting twice is refused.
 */
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type ActionItem,
  findActionItem,
  updateActionItem,
} from '../../repositories/action-item-repository.ts';
import { getMeeting } from '../../repositories/meeting-repository.ts';
import { type WorkItem, createWorkItem } from '../../repositories/work-item-repository.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute } from '../api-route.ts';
import type { AppEnv } from '../app-env.ts';
import { accessOf, entityOf } from '../context.ts';
import { etagOf, expectedVersion, parseIfMatch } from '../etag.ts';
import type { PlanChange } from '../plan-cache.ts';
import { idParam, ifMatchHeader, present } from '../resources/register-resource.ts';
import { checkReferences } from '../resources/refs.ts';
import { inWrite, publishChange } from '../resources/write.ts';
import { id, minutes } from '../schemas/common.ts';
import { JSON_TYPE } from './project-param.ts';

const ConvertBody = z
  .strictObject({
    /** Put the new work item under this summary task. */
    parentId: id.optional(),
    durationMinutes: minutes.min(0).optional(),
  })
  .openapi('ConvertActionItem');

const Converted = z
  .object({ actionItem: z.object({}).catchall(z.unknown()), workItem: z.object({}).catchall(z.unknown()) })
  .openapi('ConvertedActionItem');

interface Result {
  workItem: WorkItem;
  actionItem: ActionItem;
}

export function registerConvertActionItem(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    apiRoute(
      {
        permission: 'project:contribute',
        project: { param: 'id', entity: 'action item', find: findActionItem },
      },
      {
        method: 'post',
        path: '/api/action-items/{id}/convert',
        tags: ['Meetings'],
        summary: 'Turn an action item into a work item',
        request: {
          params: idParam,
          headers: ifMatchHeader,
          body: { required: false, content: { [JSON_TYPE]: { schema: ConvertBody } } },
        },
        responses: {
          201: {
            description: 'The action item and its new work item',
            content: { [JSON_TYPE]: { schema: Converted } },
          },
          409: { description: 'Already converted' },
          412: { description: 'Changed by someone else since read' },
          428: { description: 'If-Match missing' },
        },
      },
    ),
    async (c) => {
      const current = entityOf(c);
      const { projectId } = accessOf(c);
      const version = await expectedVersion(
        parseIfMatch(c.req.header('if-match')),
        async () => current.version,
      );
      if (current.status === 'converted')
        throw new ApiError(
          409,
          'already_converted',
          'Already converted',
          `This action item is already work item ${String(current.work_item_id)}.`,
        );
      const body = c.req.valid('json') ?? {};
      const result = await inWrite<Result>(
        c,
        { reschedule: projectId, change: (r) => ({ table: 'work_items', row: r.workItem }) as PlanChange },
        async (trx, ctx) => {
          await checkReferences(trx, ctx.workspaceId, projectId, body, {
            parentId: { table: 'work_items', what: 'work item' },
          });
          const meeting = await getMeeting(trx, ctx.workspaceId, current.meeting_id as string);
          const workItem = await createWorkItem(trx, ctx, {
            project_id: projectId,
            name: String(current.text).slice(0, 500),
            notes: `From the ${meeting.kind.replace('_', ' ')} "${meeting.title}" on ${meeting.held_on}.`,
            assignee_id: (current.owner_id as string | null) ?? null,
            deadline: current.due_date ? `${String(current.due_date)}T17:00:00` : null,
            duration_minutes: body.durationMinutes ?? 480,
            ...(body.parentId ? { parent_id: body.parentId } : {}),
          });
          const actionItem = await updateActionItem(trx, ctx, current.id, version, {
            status: 'converted',
            work_item_id: workItem.id,
          });
          return { workItem, actionItem };
        },
      );
      await publishChange(c, {
        projectId,
        entity: 'work-items',
        id: result.workItem.id,
        version: result.workItem.version,
        action: 'created',
      });
      await publishChange(c, {
        projectId,
        entity: 'action-items',
        id: result.actionItem.id,
        version: result.actionItem.version,
        action: 'updated',
      });
      return c.json({ actionItem: present(result.actionItem), workItem: present(result.workItem) }, 201, {
        etag: etagOf(result.actionItem.version),
      });
    },
  );
}
