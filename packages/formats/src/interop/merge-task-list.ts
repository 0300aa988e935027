/**
 * A task list (CSV, Jira) goes into a project that already has a plan: the project keeps its settings,
 * calendars and baselines; tasks, links and assignments are the file's. A task the project already has
 * (same id) keeps what the file does not describe (its calendar, estimate, costs, actual dates…);
 * resources named in the file are the project's resources of that name, or new ones.
 */
import type { Assignment, Project, Resource, Task } from '@tandem/core';
import type { ImportedPlan } from './imported-plan.ts';

/** Key for a new resource: its name, made unique among the project's resource ids. */
function freeId(name: string, taken: Set<string>): string {
  let id = name;
  for (let n = 2; taken.has(id); n++) id = `${name} (${n})`;
  taken.add(id);
  return id;
}

/**
 * @example
 * const plan = mergeTaskList(await loadPlan(db, ws, projectId), readTaskCsv(text));
 */
export function mergeTaskList(existing: Project, imported: ImportedPlan): Project {
  const fields = imported.fields ?? [];
  const before = new Map(existing.tasks.map((t) => [t.id, t]));
  const tasks = imported.project.tasks.map((t): Task => {
    const old = before.get(t.id);
    if (!old) return t;
    const merged: Record<string, unknown> = { ...old };
    for (const f of fields) delete merged[f];
    for (const f of fields) if (t[f] !== undefined) merged[f] = t[f];
    // A task list carries % complete, not actual dates: those stay as they were.
    if (fields.includes('progress') && old.progress) {
      const { percentComplete: _old, ...actuals } = old.progress;
      const progress = {
        ...actuals,
        ...(t.progress?.percentComplete !== undefined ? { percentComplete: t.progress.percentComplete } : {}),
      };
      if (Object.keys(progress).length > 0) merged.progress = progress;
    }
    return merged as unknown as Task;
  });
  const ids = new Set(tasks.map((t) => t.id));

  const resources: Resource[] = [...existing.resources];
  const byName = new Map(existing.resources.map((r) => [r.name.toLowerCase(), r.id]));
  const taken = new Set(existing.resources.map((r) => r.id));
  const resourceId = new Map<string, string>();
  for (const r of imported.project.resources) {
    let id = byName.get(r.name.toLowerCase());
    if (id === undefined) {
      id = freeId(r.name, taken);
      resources.push({ ...r, id });
      byName.set(r.name.toLowerCase(), id);
    }
    resourceId.set(r.id, id);
  }
  const assignments: Assignment[] = imported.project.assignments.map((a) => {
    const { id: _ignored, ...rest } = a;
    return { ...rest, resourceId: resourceId.get(a.resourceId) ?? a.resourceId };
  });
  // The n-th assignment of a resource to a task keeps the n-th existing one's work figures.
  const previous = new Map<string, Assignment[]>();
  for (const a of existing.assignments) {
    const k = `${a.taskId}\u0000${a.resourceId}`;
    previous.set(k, [...(previous.get(k) ?? []), a]);
  }
  const kept = assignments.map((a) => {
    const old = previous.get(`${a.taskId}\u0000${a.resourceId}`)?.shift();
    return old ? { ...old, units: a.units } : a;
  });

  const { risks, correlations, ...settings } = existing;
  return {
    ...settings,
    tasks,
    links: imported.project.links,
    resources,
    assignments: kept,
    baselines: existing.baselines.map((b) => ({
      ...b,
      tasks: Object.fromEntries(Object.entries(b.tasks).filter(([id]) => ids.has(id))),
    })),
    ...(risks ? { risks: risks.map((r) => ({ ...r, taskIds: r.taskIds.filter((id) => ids.has(id)) })) } : {}),
    ...(correlations
      ? {
          correlations: correlations
            .map((c) => ({ ...c, taskIds: c.taskIds.filter((id) => ids.has(id)) }))
            .filter((c) => c.taskIds.length >= 2),
        }
      : {}),
  };
}
