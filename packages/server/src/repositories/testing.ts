/**
 * Factories for tests: real rows in a real database, never mocks. Each call makes a new user and
 * workspace, so tests sharing one database never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { type NewProject, type Project, createProject } from './project-repository.ts';
import type { Db, WriteContext } from './transaction.ts';
import { type User, createUser } from './user-repository.ts';
import { type Workspace, createWorkspace } from './workspace-repository.ts';

export interface TestWorkspace {
  ctx: WriteContext;
  user: User;
  workspace: Workspace;
}

export async function newWorkspace(db: Db, name = 'Test workspace'): Promise<TestWorkspace> {
  const tag = randomBytes(5).toString('hex');
  const user = await createUser(db, {
    email: `owner-${tag}@example.test`,
    name: `Owner ${tag}`,
    password_hash: null,
  });
  const workspace = await createWorkspace(db, user.id, { name, slug: `ws-${tag}` });
  return { ctx: { workspaceId: workspace.id, actorId: user.id }, user, workspace };
}

export function newProject(db: Db, ctx: WriteContext, input: Partial<NewProject> = {}): Promise<Project> {
  return createProject(db, ctx, { name: 'Test project', start: '2026-01-05T08:00:00', ...input });
}
