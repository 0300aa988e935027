/**
 * What `bench/http.ts` measures against: a database with one workspace, its owner, an API token and a
 * project holding a generated plan (`randomNetwork`, imported through the storage layer as a plan file
 * would be). The server is then started on it as a child process (`startServerProcess`).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomNetwork } from '../packages/core/src/testing/random-network.ts';
import { newApiToken } from '../packages/server/src/auth/secret-token.ts';
import { openDatabase } from '../packages/server/src/db/open-database.ts';
import type { ScratchDatabase } from '../packages/server/src/db/scratch-database.ts';
import { createApiToken } from '../packages/server/src/repositories/api-token-repository.ts';
import { importPlan } from '../packages/server/src/repositories/plan-repository.ts';
import { createProject } from '../packages/server/src/repositories/project-repository.ts';
import { createUser } from '../packages/server/src/repositories/user-repository.ts';
import { createWorkspace } from '../packages/server/src/repositories/workspace-repository.ts';

export { startServerProcess } from '../packages/server/src/testing/server-process.ts';

export interface BenchProject {
  projectId: string;
  token: string;
  /** Work items that are not summaries, with their versions: what the update benchmark edits. */
  leaves: { id: string; version: number; durationMinutes: number }[];
  tasks: number;
  links: number;
}

export async function prepareProject(
  scratch: ScratchDatabase,
  tasks: number,
  seed = 1,
): Promise<BenchProject> {
  const { db, close } = await openDatabase(scratch.options);
  try {
    const owner = await createUser(db, { email: 'bench@example.test', name: 'Bench', password_hash: null });
    const workspace = await createWorkspace(db, owner.id, { name: 'Bench', slug: 'bench' });
    const ctx = { workspaceId: workspace.id, actorId: owner.id };
    const plan = randomNetwork({ tasks, seed });
    const project = await createProject(db, ctx, { name: plan.name, start: plan.start });
    await importPlan(db, ctx, project.id, plan);
    const secret = newApiToken();
    await createApiToken(db, ctx, {
      user_id: owner.id,
      name: 'bench',
      prefix: secret.prefix,
      token_hash: secret.hash,
    });
    const rows = await db
      .selectFrom('work_items')
      .select(['id', 'version', 'duration_minutes', 'type', 'milestone'])
      .where('workspace_id', '=', workspace.id)
      .where('project_id', '=', project.id)
      .execute();
    const summaries = new Set(
      (
        await db
          .selectFrom('work_items')
          .select('parent_id')
          .where('workspace_id', '=', workspace.id)
          .where('project_id', '=', project.id)
          .where('parent_id', 'is not', null)
          .execute()
      ).map((r) => r.parent_id),
    );
    return {
      projectId: project.id,
      token: secret.token,
      leaves: rows
        .filter((r) => !summaries.has(r.id) && !r.milestone)
        .map((r) => ({ id: r.id, version: r.version, durationMinutes: r.duration_minutes ?? 480 })),
      tasks: plan.tasks.length,
      links: plan.links.length,
    };
  } finally {
    await close();
  }
}

export const benchOutDir = fileURLToPath(new URL('./out/', import.meta.url));
export const logPath = (name: string) => join(benchOutDir, name);
