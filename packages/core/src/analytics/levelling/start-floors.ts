/**
 * Levelling delays as the scheduler sees them: a start floor for a task is a hidden milestone that
 * must start no earlier than the floor, linked finish-to-start to the task. The task keeps its own
 * links, constraint and calendars; the delay pushes its successors like any predecessor would.
 */
import type { Link, Project, Task } from '../../model/project.ts';
import type { ScheduleOptions } from '../../schedule/prepared-schedule.ts';
import { scheduleProject } from '../../schedule/schedule-project.ts';
import type { Schedule } from '../../schedule/schedule-result.ts';
import { formatLocal } from '../../time/local-time.ts';

const DELAY_PREFIX = 'levelling-delay:';

/** The plan with a hidden start-no-earlier-than milestone linked FS before every floored task. */
export function withFloors(project: Project, floors: Float64Array, ids: Set<string>): Project {
  const tasks: Task[] = [];
  const links: Link[] = [];
  for (let i = 0; i < floors.length; i++) {
    const floor = floors[i]!;
    if (floor === -Infinity) continue;
    const task = project.tasks[i]!;
    let id = `${DELAY_PREFIX}${task.id}`;
    while (ids.has(id)) id = `${id}'`;
    tasks.push({
      id,
      name: `Levelling delay of ${task.name}`,
      duration: { minutes: 0 },
      milestone: true,
      constraint: { type: 'SNET', date: formatLocal(Math.ceil(floor)) },
    });
    links.push({ predecessorId: id, successorId: task.id, type: 'FS' });
  }
  if (tasks.length === 0) return project;
  return { ...project, tasks: [...project.tasks, ...tasks], links: [...project.links, ...links] };
}

/** The full schedule with the floors, of the original tasks only (the delay milestones come last). */
export function levelledSchedule(
  project: Project,
  floors: Float64Array,
  ids: Set<string>,
  options: ScheduleOptions,
): Schedule {
  const levelled = withFloors(project, floors, ids);
  const schedule = scheduleProject(levelled, options);
  const n = project.tasks.length;
  const hidden = new Set(levelled.tasks.slice(n).map((t) => t.id));
  return {
    projectStart: schedule.projectStart,
    projectFinish: schedule.projectFinish,
    tasks: schedule.tasks.slice(0, n).map((t) => {
      if (t.drivingPredecessorId === undefined || !hidden.has(t.drivingPredecessorId)) return t;
      const { drivingPredecessorId: _, ...rest } = t;
      return rest;
    }),
    criticalPath: schedule.criticalPath.filter((id) => !hidden.has(id)),
  };
}
