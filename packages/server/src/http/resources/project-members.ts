/**
 * Project membership: who besides the workspace's owners and admins may see a project, and with which
 * role there (pm, tpm, member, viewer).
 */
import { z } from '@hono/zod-openapi';
import { PROJECT_ROLES } from '../../db/schema.ts';
import {
  PROJECT_MEMBERS,
  createProjectMember,
  deleteProjectMember,
  findProjectMember,
  listProjectMembers,
  updateProjectMember,
} from '../../repositories/project-member-repository.ts';
import { id } from '../schemas/common.ts';
import { type ResourceDef, repository } from './resource-def.ts';

export const projectMembers: ResourceDef = {
  path: 'project-members',
  collectionPath: 'members',
  entityType: 'project_member',
  title: 'project member',
  schemaName: 'ProjectMember',
  tag: 'Memberships',
  spec: PROJECT_MEMBERS,
  fields: { userId: id, role: z.enum(PROJECT_ROLES) },
  immutable: ['userId'],
  access: { read: 'project:read', create: 'project:plan', update: 'project:plan', delete: 'project:plan' },
  repo: repository({
    find: findProjectMember,
    list: listProjectMembers,
    create: createProjectMember,
    update: updateProjectMember,
    delete: deleteProjectMember,
  }),
  refs: { userId: { table: 'users', what: 'member' } },
};
