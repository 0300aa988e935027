// What is broken on each task now, from the project's engineering state: the failing builds and open
// incidents linked to its work item, as one line for the Gantt (a red mark, its tooltip). Pure.
import type { EngineeringState } from '../../api/engineering-state.ts';
import type { GanttTask } from '../../gantt/index.ts';

/**
 * Task id → "Failing build: Terraform plan (staging) · Open incident: TLS certificate expires", for the
 * tasks (`taskIdOfWorkItem`: work item id → Gantt task id) that a failing build or an open incident names.
 */
export function engineeringAlerts(
  state: Pick<EngineeringState, 'failingBuilds' | 'openIncidents'>,
  taskIdOfWorkItem: ReadonlyMap<string, string>,
): Map<string, string> {
  const parts = new Map<string, string[]>();
  const add = (workItemIds: readonly string[], text: string) => {
    for (const id of workItemIds) {
      const taskId = taskIdOfWorkItem.get(id);
      if (taskId === undefined) continue;
      const list = parts.get(taskId) ?? [];
      if (!list.includes(text)) list.push(text);
      parts.set(taskId, list);
    }
  };
  for (const b of state.failingBuilds) add(b.workItemIds, `Failing build: ${b.name}`);
  for (const i of state.openIncidents) add(i.workItemIds, `Open incident: ${i.title}`);
  return new Map([...parts].map(([taskId, list]) => [taskId, list.join(' · ')]));
}

/** The tasks with their alerts (the same objects where nothing is broken, so the chart redraws little). */
export function withAlerts(
  tasks: readonly GanttTask[],
  alerts: ReadonlyMap<string, string>,
): readonly GanttTask[] {
  if (alerts.size === 0) return tasks;
  return tasks.map((t) => {
    const alert = alerts.get(t.id);
    return alert === undefined ? t : { ...t, alert };
  });
}
