/**
 * Comments on the project or any object in it. The author is whoever posts; only they (or a planner)
 * may edit or delete a comment.
 */
import { z } from '@hono/zod-openapi';
import type { TenantTableName } from '../../db/schema.ts';
import { roleGrants } from '../../auth/permissions.ts';
import {
  COMMENTS,
  createComment,
  deleteComment,
  findComment,
  listComments,
  updateComment,
} from '../../repositories/comment-repository.ts';
import type { ListOptions } from '../../repositories/entity-repository.ts';
import { ApiError } from '../api-error.ts';
import { id } from '../schemas/common.ts';
import { checkReferences } from './refs.ts';
import { type ResourceDef, repository } from './resource-def.ts';

/** What a comment may be about, and where those rows live. */
export const COMMENT_TARGETS = {
  project: 'projects',
  work_item: 'work_items',
  dependency: 'dependencies',
  calendar: 'calendars',
  resource: 'resources',
  assignment: 'assignments',
  baseline: 'baselines',
  sprint: 'sprints',
  raid_entry: 'raid_entries',
  change_request: 'change_requests',
  stakeholder: 'stakeholders',
  requirement: 'requirements',
  release: 'releases',
} as const satisfies Record<string, TenantTableName>;

const targetTypes = Object.keys(COMMENT_TARGETS) as [
  keyof typeof COMMENT_TARGETS,
  ...(keyof typeof COMMENT_TARGETS)[],
];

export const comments: ResourceDef = {
  path: 'comments',
  entityType: 'comment',
  title: 'comment',
  schemaName: 'Comment',
  tag: 'Comments',
  spec: { ...COMMENTS, filters: COMMENTS.filters.filter((f) => f !== 'project_id') },
  fields: {
    targetType: z.enum(targetTypes),
    targetId: id,
    body: z.string().trim().min(1, 'must not be empty').max(20_000),
  },
  readOnly: { authorId: z.string().nullable() },
  immutable: ['targetType', 'targetId'],
  access: {
    read: 'project:read',
    create: 'project:contribute',
    update: 'project:contribute',
    delete: 'project:contribute',
  },
  repo: repository({
    find: findComment,
    list: (db, workspaceId, projectId, options: ListOptions<'comments'>) =>
      listComments(db, workspaceId, { ...options, filter: { ...options.filter, project_id: projectId } }),
    create: createComment,
    update: updateComment,
    delete: deleteComment,
  }),
  beforeCreate: async (c, trx, input) => {
    const projectId = input.project_id as string;
    const type = input.target_type as keyof typeof COMMENT_TARGETS;
    if (type === 'project') {
      if (input.target_id !== projectId)
        throw new ApiError(
          422,
          'invalid_reference',
          'Invalid reference',
          'targetId must be this project’s id.',
          {
            errors: [{ path: 'targetId', message: 'must be this project’s id' }],
          },
        );
    } else {
      const workspaceId = c.get('principal')?.workspaceId ?? '';
      await checkReferences(
        trx,
        workspaceId,
        projectId,
        { targetId: input.target_id },
        {
          targetId: { table: COMMENT_TARGETS[type], what: type.replaceAll('_', ' ') },
        },
      );
    }
    return { ...input, author_id: c.get('principal')?.userId ?? null };
  },
  mayChange: (c, row) => {
    const role = c.get('access')?.role;
    return (
      row.author_id === c.get('principal')?.userId || (role !== undefined && roleGrants(role, 'project:plan'))
    );
  },
};
