/**
 * `importFile`: one file into one project, all-or-nothing. Parses (any `@tandem/formats` import
 * format), validates (references, and the plan must schedule: no dependency cycle through the outline
 * either), then saves in one transaction: the plan with `importPlan` (rows matched by key, so a
 * re-import keeps ids, comments and the team's columns) and the team's side of each work item that the
 * file describes — agile type, status, sprint (sprints created by name) and labels.
 *
 * Any problem is an `ImportProblems` error listing every one with its location; nothing is written.
 * Used by the import jobs of the HTTP API and by `tandem import`.
 */
import { CycleError, type Project, ScheduleError, scheduleProject, standardCalendar } from '@tandem/core';
import {
  FormatError,
  type ImportFormat,
  type ImportedPlan,
  mergeTaskList,
  readImportFile,
} from '@tandem/formats';
import type { ImportProblemJson, ImportResultJson } from '../db/schema.ts';
import { ValidationError } from '../repositories/errors.ts';
import { importPlan, loadPlan } from '../repositories/plan-repository.ts';
import { workItemType } from '../repositories/plan-rows.ts';
import { createSprint } from '../repositories/sprint-repository.ts';
import { type Db, type WriteContext, withTransaction } from '../repositories/transaction.ts';
import { updateWorkItem } from '../repositories/work-item-repository.ts';

export type ImportPhase = 'parsing' | 'validating' | 'saving';

export interface ImportFileOptions {
  /** Told when each phase starts, with the share of the job done (0..1). */
  onProgress?: (phase: ImportPhase, progress: number) => Promise<void> | void;
}

export interface ImportOutcome {
  format: ImportFormat;
  result: ImportResultJson;
  warnings: string[];
}

/** The file was refused: every problem, each with where it is. Nothing was imported. */
export class ImportProblems extends Error {
  readonly code = 'import_failed';
  constructor(
    readonly format: string,
    readonly problems: ImportProblemJson[],
  ) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the ${format} file; nothing was imported:\n` +
        problems
          .slice(0, 20)
          .map((p) => `${p.path}: ${p.message}`)
          .join('\n') +
        (problems.length > 20 ? `\n… and ${problems.length - 20} more` : ''),
    );
    this.name = 'ImportProblems';
  }
}

const AGILE = new Set(['epic', 'story', 'subtask']);

/** The plan as it will be scheduled: the standard calendar added when named but not defined. */
function schedulable(plan: Project): Project {
  if (plan.calendarId === 'standard' && !plan.calendars.some((c) => c.id === 'standard'))
    return { ...plan, calendars: [...plan.calendars, standardCalendar()] };
  return plan;
}

function scheduleProblems(plan: Project): ImportProblemJson[] {
  try {
    scheduleProject(schedulable(plan));
    return [];
  } catch (error) {
    if (error instanceof CycleError) {
      const index = new Map(plan.tasks.map((t, i) => [t.id, i]));
      return [
        {
          path: `tasks[${index.get(error.taskIds[0] ?? '') ?? 0}]`,
          message: `${error.message} (through links and the outline: a link between a summary and its own subtask closes a loop)`,
        },
      ];
    }
    if (error instanceof ScheduleError) return [{ path: 'plan', message: error.message }];
    throw error;
  }
}

/** What the file holds, read against the project's current plan (a task list goes into it). */
export function readForProject(
  bytes: Uint8Array,
  format: ImportFormat,
  existing: Project,
): { imported: ImportedPlan; plan: Project } {
  let imported: ImportedPlan;
  try {
    imported = readImportFile(bytes, format, {
      units: existing.units,
      defaultStartMinute: existing.defaultStartMinute ?? 480,
      defaultFinishMinute: existing.defaultFinishMinute ?? 1020,
    });
  } catch (error) {
    if (error instanceof FormatError)
      throw new ImportProblems(
        format,
        error.issues.map((i) => ({
          path: i.path,
          message: i.message,
          ...(i.value !== undefined ? { value: i.value as never } : {}),
        })),
      );
    throw error;
  }
  // A task list goes into the project's plan; a project without calendars gets the standard one.
  const plan = imported.scope === 'tasks' ? schedulable(mergeTaskList(existing, imported)) : imported.project;
  return { imported, plan };
}

export async function importFile(
  db: Db,
  ctx: WriteContext,
  projectId: string,
  bytes: Uint8Array,
  format: ImportFormat,
  options: ImportFileOptions = {},
): Promise<ImportOutcome> {
  const progress = options.onProgress ?? (() => {});
  await progress('parsing', 0.05);
  const existing = await loadPlan(db, ctx.workspaceId, projectId);
  const { imported, plan } = readForProject(bytes, format, existing);

  await progress('validating', 0.4);
  const problems = scheduleProblems(plan);
  if (problems.length > 0) throw new ImportProblems(imported.format, problems);

  await progress('saving', 0.6);
  try {
    return await withTransaction(db, async (trx) => {
      const saved = await importPlan(trx, ctx, projectId, plan);
      const sprintsCreated = await applyTeamColumns(trx, ctx, projectId, plan, imported);
      return {
        format: imported.format as ImportFormat,
        result: {
          created: { ...saved.created },
          updated: { ...saved.updated },
          deleted: { ...saved.deleted },
          sprintsCreated,
          workItems: plan.tasks.length,
        },
        warnings: imported.warnings,
      };
    });
  } catch (error) {
    if (error instanceof ValidationError) throw new ImportProblems(imported.format, error.issues);
    throw error;
  }
}

/** Type, status, sprint and labels of the imported items; sprints made by name. Returns sprints created. */
async function applyTeamColumns(
  trx: Db,
  ctx: WriteContext,
  projectId: string,
  plan: Project,
  imported: ImportedPlan,
): Promise<number> {
  const entries = Object.entries(imported.items);
  if (entries.length === 0 && imported.sprints.length === 0) return 0;
  const ws = ctx.workspaceId;
  const sprintRows = await trx
    .selectFrom('sprints')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('project_id', '=', projectId)
    .execute();
  const sprintId = new Map(sprintRows.map((s) => [s.name, s.id]));
  let created = 0;
  for (const s of imported.sprints) {
    if (sprintId.has(s.name)) continue;
    const row = await createSprint(trx, ctx, { project_id: projectId, name: s.name, status: s.status });
    sprintId.set(s.name, row.id);
    created++;
  }
  const rows = await trx
    .selectFrom('work_items')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('project_id', '=', projectId)
    .execute();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const parents = new Set(plan.tasks.flatMap((t) => (t.parentId !== undefined ? [t.parentId] : [])));
  const tasks = new Map(plan.tasks.map((t) => [t.id, t]));
  for (const [key, item] of entries) {
    const row = byKey.get(key);
    const task = tasks.get(key);
    if (!row || !task) continue;
    const patch: Record<string, unknown> = {};
    if (item.type !== undefined && item.type !== row.type)
      patch.type = AGILE.has(item.type) ? item.type : workItemType(task, parents.has(key));
    if (patch.type === row.type) delete patch.type;
    if (item.status !== undefined && item.status !== row.status) patch.status = item.status;
    if (item.sprint !== undefined && sprintId.get(item.sprint) !== row.sprint_id)
      patch.sprint_id = sprintId.get(item.sprint);
    if (item.labels !== undefined && JSON.stringify(item.labels) !== JSON.stringify(row.labels))
      patch.labels = item.labels;
    if (Object.keys(patch).length > 0) await updateWorkItem(trx, ctx, row.id, row.version, patch);
  }
  return created;
}
