/**
 * A change set: a typed list of plan operations (what a change request or a scenario does to the
 * plan). `applyChangeSet` applies them in order to a copy of a `Project`; the original is untouched.
 * Ids are the plan's task and resource ids (the rows' keys on the server).
 */
import type { Calendar } from '../model/calendar.ts';
import type { Assignment, LinkType, Project, Resource, Task, ThreePoint } from '../model/project.ts';

export type ChangeOperation =
  | {
      op: 'addTask';
      id: string;
      name: string;
      durationMinutes: number;
      parentId?: string | undefined;
      /** Place it right after this task (default: at the end, or after its parent's last child). */
      afterId?: string | undefined;
      fixedCost?: number | undefined;
      estimate?: ThreePoint | undefined;
      milestone?: boolean | undefined;
    }
  | { op: 'removeTask'; taskId: string }
  | { op: 'setDuration'; taskId: string; durationMinutes: number }
  | { op: 'setEstimate'; taskId: string; estimate: ThreePoint | null }
  | { op: 'setFixedCost'; taskId: string; fixedCost: number }
  /** Work of the task's assignment of the resource (minutes). */
  | { op: 'setWork'; taskId: string; resourceId: string; workMinutes: number }
  | {
      op: 'addLink';
      predecessorId: string;
      successorId: string;
      type?: LinkType | undefined;
      lagMinutes?: number | undefined;
    }
  | { op: 'removeLink'; predecessorId: string; successorId: string }
  /** Assign (or re-assign at other units) a resource to a task; units 1 = 100 %. */
  | { op: 'assign'; taskId: string; resourceId: string; units: number; workMinutes?: number | undefined }
  | { op: 'unassign'; taskId: string; resourceId: string }
  | { op: 'setMaxUnits'; resourceId: string; maxUnits: number }
  /** Non-working days for a resource, `YYYY-MM-DD` inclusive (leave, illness, training). */
  | { op: 'addLeave'; resourceId: string; from: string; to: string; name?: string | undefined }
  | {
      op: 'addResource';
      id: string;
      name: string;
      standardRate?: number | undefined;
      maxUnits?: number | undefined;
      calendarId?: string | undefined;
    };

export type ChangeSet = ChangeOperation[];

export const CHANGE_OPERATIONS = [
  'addTask',
  'removeTask',
  'setDuration',
  'setEstimate',
  'setFixedCost',
  'setWork',
  'addLink',
  'removeLink',
  'assign',
  'unassign',
  'setMaxUnits',
  'addLeave',
  'addResource',
] as const satisfies readonly ChangeOperation['op'][];

/** A change set that does not fit the plan; `issues` name each operation (`changeSet[2].taskId`). */
export class ChangeSetError extends Error {
  readonly code = 'INVALID_CHANGE_SET';
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`Invalid change set: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'ChangeSetError';
  }
}

/** A copy of the parts of a plan a change set can touch (tasks, links, resources, assignments, calendars). */
function copyPlan(project: Project): Project {
  return {
    ...project,
    tasks: project.tasks.map((t) => ({ ...t })),
    links: project.links.map((l) => ({ ...l })),
    resources: project.resources.map((r) => ({ ...r })),
    assignments: project.assignments.map((a) => ({ ...a })),
    calendars: project.calendars.map((c) => ({ ...c, exceptions: [...c.exceptions] })),
  };
}

/** Index after the last descendant of the task at `index`. */
function endOfSubtree(tasks: Task[], index: number): number {
  const ids = new Set([(tasks[index] as Task).id]);
  let k = index + 1;
  while (k < tasks.length && ids.has((tasks[k] as Task).parentId ?? '')) {
    ids.add((tasks[k] as Task).id);
    k++;
  }
  return k;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * Applies `changeSet` to a copy of `project`, operation by operation. Throws `ChangeSetError` listing
 * every operation that does not fit (unknown task, duplicate id, …); nothing is applied then.
 *
 * @example
 * const changed = applyChangeSet(plan, [{ op: 'setDuration', taskId: '7', durationMinutes: 4800 }]);
 *
 * Complexity: O(operations × (tasks + links + assignments)).
 */
export function applyChangeSet(project: Project, changeSet: readonly ChangeOperation[]): Project {
  const plan = copyPlan(project);
  const issues: { path: string; message: string }[] = [];
  const taskIndex = (id: string) => plan.tasks.findIndex((t) => t.id === id);
  const hasResource = (id: string) => plan.resources.some((r) => r.id === id);
  changeSet.forEach((op, n) => {
    const at = `changeSet[${n}]`;
    const fail = (field: string, message: string) => issues.push({ path: `${at}.${field}`, message });
    const task = (field: string, id: string): Task | undefined => {
      const t = plan.tasks[taskIndex(id)];
      if (!t) fail(field, `no task ${id} in the plan`);
      return t;
    };
    const resource = (id: string): Resource | undefined => {
      const r = plan.resources.find((x) => x.id === id);
      if (!r) fail('resourceId', `no resource ${id} in the plan`);
      return r;
    };
    const nonNegative = (field: string, value: number) => {
      if (!(Number.isFinite(value) && value >= 0)) {
        fail(field, 'must be a number ≥ 0');
        return false;
      }
      return true;
    };
    switch (op.op) {
      case 'addTask': {
        if (taskIndex(op.id) >= 0) return fail('id', `task ${op.id} already exists`);
        if (!nonNegative('durationMinutes', op.durationMinutes)) return;
        const added: Task = {
          id: op.id,
          name: op.name,
          duration: { minutes: op.durationMinutes, unit: 'day' },
          ...(op.parentId !== undefined ? { parentId: op.parentId } : {}),
          ...(op.fixedCost !== undefined ? { fixedCost: op.fixedCost } : {}),
          ...(op.estimate ? { estimate: op.estimate } : {}),
          ...(op.milestone ? { milestone: true } : {}),
        };
        let position = plan.tasks.length;
        if (op.afterId !== undefined) {
          const i = taskIndex(op.afterId);
          if (i < 0) return fail('afterId', `no task ${op.afterId} in the plan`);
          position = endOfSubtree(plan.tasks, i);
        } else if (op.parentId !== undefined) {
          const p = taskIndex(op.parentId);
          if (p < 0) return fail('parentId', `no task ${op.parentId} in the plan`);
          position = endOfSubtree(plan.tasks, p);
        }
        if (op.parentId !== undefined && taskIndex(op.parentId) < 0)
          return fail('parentId', `no task ${op.parentId} in the plan`);
        plan.tasks.splice(position, 0, added);
        return;
      }
      case 'removeTask': {
        const i = taskIndex(op.taskId);
        if (i < 0) return fail('taskId', `no task ${op.taskId} in the plan`);
        const end = endOfSubtree(plan.tasks, i);
        const gone = new Set(plan.tasks.slice(i, end).map((t) => t.id));
        plan.tasks.splice(i, end - i);
        plan.links = plan.links.filter((l) => !gone.has(l.predecessorId) && !gone.has(l.successorId));
        plan.assignments = plan.assignments.filter((a) => !gone.has(a.taskId));
        if (plan.risks)
          plan.risks = plan.risks.map((r) => ({ ...r, taskIds: r.taskIds.filter((id) => !gone.has(id)) }));
        return;
      }
      case 'setDuration': {
        const t = task('taskId', op.taskId);
        if (t && nonNegative('durationMinutes', op.durationMinutes))
          t.duration = { ...t.duration, minutes: op.durationMinutes };
        return;
      }
      case 'setEstimate': {
        const t = task('taskId', op.taskId);
        if (!t) return;
        if (op.estimate === null) delete t.estimate;
        else t.estimate = op.estimate;
        return;
      }
      case 'setFixedCost': {
        const t = task('taskId', op.taskId);
        if (t && nonNegative('fixedCost', op.fixedCost)) t.fixedCost = op.fixedCost;
        return;
      }
      case 'setWork': {
        if (!task('taskId', op.taskId) || !resource(op.resourceId)) return;
        const a = plan.assignments.find((x) => x.taskId === op.taskId && x.resourceId === op.resourceId);
        if (!a) return fail('resourceId', `resource ${op.resourceId} is not assigned to task ${op.taskId}`);
        if (nonNegative('workMinutes', op.workMinutes)) a.workMinutes = op.workMinutes;
        return;
      }
      case 'addLink': {
        const p = task('predecessorId', op.predecessorId);
        const s = task('successorId', op.successorId);
        if (!p || !s) return;
        if (op.predecessorId === op.successorId) return fail('successorId', 'a task cannot follow itself');
        if (plan.links.some((l) => l.predecessorId === op.predecessorId && l.successorId === op.successorId))
          return fail('successorId', `task ${op.successorId} already follows ${op.predecessorId}`);
        plan.links.push({
          predecessorId: op.predecessorId,
          successorId: op.successorId,
          type: op.type ?? 'FS',
          ...(op.lagMinutes ? { lag: { minutes: op.lagMinutes } } : {}),
        });
        return;
      }
      case 'removeLink': {
        const i = plan.links.findIndex(
          (l) => l.predecessorId === op.predecessorId && l.successorId === op.successorId,
        );
        if (i < 0) return fail('successorId', `no link from ${op.predecessorId} to ${op.successorId}`);
        plan.links.splice(i, 1);
        return;
      }
      case 'assign': {
        if (!task('taskId', op.taskId) || !resource(op.resourceId)) return;
        if (!(Number.isFinite(op.units) && op.units > 0)) return fail('units', 'must be a number > 0');
        const a = plan.assignments.find((x) => x.taskId === op.taskId && x.resourceId === op.resourceId);
        const next: Assignment = {
          ...(a ?? {}),
          taskId: op.taskId,
          resourceId: op.resourceId,
          units: op.units,
          ...(op.workMinutes !== undefined ? { workMinutes: op.workMinutes } : {}),
        };
        if (a) plan.assignments[plan.assignments.indexOf(a)] = next;
        else plan.assignments.push(next);
        return;
      }
      case 'unassign': {
        const i = plan.assignments.findIndex((x) => x.taskId === op.taskId && x.resourceId === op.resourceId);
        if (i < 0)
          return fail('resourceId', `resource ${op.resourceId} is not assigned to task ${op.taskId}`);
        plan.assignments.splice(i, 1);
        return;
      }
      case 'setMaxUnits': {
        const r = resource(op.resourceId);
        if (r && nonNegative('maxUnits', op.maxUnits)) r.maxUnits = op.maxUnits;
        return;
      }
      case 'addLeave': {
        const r = resource(op.resourceId);
        if (!r) return;
        if (!isDate(op.from)) return fail('from', 'must be a date YYYY-MM-DD');
        if (!isDate(op.to) || op.to < op.from)
          return fail('to', 'must be a date YYYY-MM-DD on or after from');
        const exception = { name: op.name ?? 'Leave', from: op.from, to: op.to, periods: [] };
        const own =
          r.calendarId !== undefined ? plan.calendars.find((c) => c.id === r.calendarId) : undefined;
        if (own && own.resourceId === r.id) {
          own.exceptions.push(exception);
          return;
        }
        // A calendar of the resource's own, based on the one it used, so the leave touches no one else.
        const baseId = own?.id ?? plan.calendarId;
        const base = plan.calendars.some((c) => c.id === baseId) ? baseId : undefined;
        let id = `${r.id}-leave`;
        while (plan.calendars.some((c) => c.id === id)) id += '-1';
        const calendar: Calendar = {
          id,
          name: `${r.name} (leave)`,
          // No base when the project calendar is only named (the scheduler's default week then applies).
          ...(base !== undefined ? { baseCalendarId: base } : {}),
          week: [undefined, undefined, undefined, undefined, undefined, undefined, undefined],
          exceptions: [exception],
          resourceId: r.id,
        };
        plan.calendars.push(calendar);
        r.calendarId = id;
        return;
      }
      case 'addResource': {
        if (hasResource(op.id)) return fail('id', `resource ${op.id} already exists`);
        if (op.calendarId !== undefined && !plan.calendars.some((c) => c.id === op.calendarId))
          return fail('calendarId', `no calendar ${op.calendarId} in the plan`);
        plan.resources.push({
          id: op.id,
          name: op.name,
          type: 'work',
          ...(op.standardRate !== undefined ? { standardRate: op.standardRate } : {}),
          ...(op.maxUnits !== undefined ? { maxUnits: op.maxUnits } : {}),
          ...(op.calendarId !== undefined ? { calendarId: op.calendarId } : {}),
        });
        return;
      }
    }
  });
  if (issues.length > 0) throw new ChangeSetError(issues);
  return plan;
}
