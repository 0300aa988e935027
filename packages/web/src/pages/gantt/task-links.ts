// A task's incoming and outgoing links, for the toolbar's Links menu. Pure.
import type { Dependency } from './gantt-api.ts';
import type { PlanItem, PlanUnits } from './gantt-data.ts';
import { lagLabel } from './link-lag.ts';

export interface TaskLink {
  dep: Dependency;
  /** the other task's name */
  other: string;
  /** the lag when there is one, e.g. `2d`, `-1d`, `50%` */
  lag: string | null;
}

/** The links into (predecessors) and out of (successors) the task with key `taskKey`, by the other's name. */
export function taskLinks(
  taskKey: string | null,
  deps: readonly Dependency[],
  itemByKey: ReadonlyMap<string, PlanItem>,
  itemById: ReadonlyMap<string, PlanItem>,
  units: PlanUnits,
): { predecessors: TaskLink[]; successors: TaskLink[] } {
  const id = taskKey === null ? undefined : itemByKey.get(taskKey)?.id;
  const predecessors: TaskLink[] = [];
  const successors: TaskLink[] = [];
  if (id === undefined) return { predecessors, successors };
  const entry = (dep: Dependency, otherId: string): TaskLink => {
    const lag = lagLabel(dep, units);
    return {
      dep,
      other: itemById.get(otherId)?.name ?? otherId,
      lag: /^[-+]?0[a-z]*$/.test(lag) ? null : lag,
    };
  };
  for (const dep of deps) {
    if (dep.successorId === id) predecessors.push(entry(dep, dep.predecessorId));
    if (dep.predecessorId === id) successors.push(entry(dep, dep.successorId));
  }
  const byName = (a: TaskLink, b: TaskLink) => a.other.localeCompare(b.other);
  return { predecessors: predecessors.sort(byName), successors: successors.sort(byName) };
}
