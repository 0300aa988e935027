/**
 * Writes a plan as a TaskJuggler 3 project (.tjp) so `tj3` can schedule the same network as Tandem in
 * the benchmark. Covers what `randomNetwork` generates: one project calendar (weekly working periods
 * and one-off holidays), working or elapsed durations, milestones, a task hierarchy and links.
 *
 * TaskJuggler's `depends` always constrains the dependent task's *start*, and its gaps cannot be
 * negative, so links map to the nearest expressible dependency, never a weaker one:
 *
 * | Tandem       | tj3                                 |
 * | ------------ | ----------------------------------- |
 * | FS, lag ≥ 0  | `depends p { gaplength lag }`       |
 * | SS, lag ≥ 0  | `depends p { onstart gaplength lag }` |
 * | FF           | as FS (successor start ≥ pred. finish) |
 * | SF           | as SS (successor start ≥ pred. start)  |
 * | lag < 0      | no gap                              |
 * | elapsed lag  | `gapduration` instead of `gaplength`  |
 * | percent lag  | its minutes (percent of the predecessor's duration) as `gaplength` |
 */
import type { DayPattern } from '../model/calendar.ts';
import type { Link, Project, Task } from '../model/project.ts';
import { formatLocal, parseLocal } from '../time/local-time.ts';
import { longestChainUpperBound } from './network-span.ts';

export interface TjpOptions {
  /** Project span in calendar days; default: a safe bound from the network itself. */
  spanDays?: number;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * The project as TaskJuggler 3 source. Throws for what it cannot express faithfully (constraints,
 * progress, task calendars, recurring or working exceptions, alternate work weeks).
 *
 * @example
 * writeFileSync('plan.tjp', toTjp(randomNetwork({ tasks: 1000 })));
 *
 * Complexity: O(tasks + links + holidays).
 */
export function toTjp(project: Project, options: TjpOptions = {}): string {
  const calendar = project.calendars.find((c) => c.id === project.calendarId);
  if (!calendar) throw new Error(`toTjp: no project calendar "${project.calendarId}"`);
  if (calendar.baseCalendarId !== undefined || (calendar.workWeeks?.length ?? 0) > 0) {
    throw new Error('toTjp: base calendars and alternate work weeks are not supported');
  }
  const spanDays =
    options.spanDays ??
    Math.ceil((((longestChainUpperBound(project) / project.units.minutesPerDay) * 7) / 5) * 1.1) + 60;

  const out: string[] = [];
  out.push(`project tandem ${quote(project.name)} ${tjpDateTime(project.start)} +${spanDays}d {`);
  out.push('  timezone "UTC"');
  out.push('  timeformat "%Y-%m-%d %H:%M"');
  out.push(`  dailyworkinghours ${project.units.minutesPerDay / 60}`);
  calendar.week.forEach((day, weekday) => out.push(`  workinghours ${WEEKDAYS[weekday]} ${periods(day)}`));
  out.push('}');

  for (const exception of calendar.exceptions) {
    if (exception.recurrence || exception.periods.length > 0) {
      throw new Error('toTjp: only one-off non-working exceptions (holidays) are supported');
    }
    for (let day = parseLocal(exception.from); day <= parseLocal(exception.to); day += 1440) {
      out.push(`vacation ${quote(exception.name ?? 'Holiday')} ${formatLocal(day).slice(0, 10)}`);
    }
  }

  // tj3 ids must be identifiers and references are absolute dotted paths.
  const path = new Map<string, string>();
  const children = new Map<string | undefined, Task[]>();
  project.tasks.forEach((task, i) => {
    if (task.constraint || task.progress || task.calendarId !== undefined || task.manual) {
      throw new Error(`toTjp: task ${task.id} has a constraint, progress, calendar or manual dates`);
    }
    const parentPath = task.parentId === undefined ? undefined : path.get(task.parentId);
    if (task.parentId !== undefined && parentPath === undefined) {
      throw new Error(`toTjp: task ${task.id} comes before its parent ${task.parentId}`);
    }
    path.set(task.id, parentPath === undefined ? `t${i}` : `${parentPath}.t${i}`);
    const siblings = children.get(task.parentId) ?? [];
    siblings.push(task);
    children.set(task.parentId, siblings);
  });
  const milestones = new Set(
    project.tasks.filter((t) => t.duration.minutes <= 0 && !children.has(t.id)).map((t) => t.id),
  );
  const predecessors = new Map<string, Link[]>();
  for (const link of project.links) {
    const list = predecessors.get(link.successorId) ?? [];
    list.push(link);
    predecessors.set(link.successorId, list);
  }

  const writeTask = (task: Task, indent: string): void => {
    const id = path.get(task.id)!.split('.').pop()!;
    const kids = children.get(task.id);
    const body: string[] = [];
    if (!kids) body.push(durationOf(task));
    const deps = (predecessors.get(task.id) ?? []).map((link) =>
      dependency(link, path, milestones.has(link.predecessorId)),
    );
    if (deps.length > 0) body.push(`depends ${deps.join(', ')}`);
    if (!kids) {
      out.push(`${indent}task ${id} ${quote(task.name)} { ${body.join(' ')} }`);
      return;
    }
    out.push(`${indent}task ${id} ${quote(task.name)} {`);
    for (const line of body) out.push(`${indent}  ${line}`);
    for (const kid of kids) writeTask(kid, `${indent}  `);
    out.push(`${indent}}`);
  };
  for (const task of children.get(undefined) ?? []) writeTask(task, '');
  out.push('');
  return out.join('\n');
}

function durationOf(task: Task): string {
  const { minutes, elapsed } = task.duration;
  if (minutes <= 0) return 'milestone';
  return `${elapsed ? 'duration' : 'length'} ${hours(minutes)}`;
}

function dependency(link: Link, path: ReadonlyMap<string, string>, fromMilestone: boolean): string {
  const target = path.get(link.predecessorId);
  if (target === undefined) throw new Error(`toTjp: link from unknown task ${link.predecessorId}`);
  const attributes: string[] = [];
  // A milestone starts where it ends; `onstart` on one trips a false "Dependency loop detected" in
  // tj3 3.7.1 when the dependent task is a milestone too, so depend on its end instead.
  if ((link.type === 'SS' || link.type === 'SF') && !fromMilestone) attributes.push('onstart');
  const lag = link.lag;
  if (lag && lag.minutes > 0)
    attributes.push(`${lag.elapsed ? 'gapduration' : 'gaplength'} ${hours(lag.minutes)}`);
  return attributes.length === 0 ? target : `${target} { ${attributes.join(' ')} }`;
}

/** tj3 schedules in one-hour slots by default, so times are whole hours. */
const hours = (minutes: number): string => `${Math.max(1, Math.round(minutes / 60))}h`;

function periods(day: DayPattern): string {
  const list = day ?? [
    { from: 480, to: 720 },
    { from: 780, to: 1020 },
  ];
  if (list.length === 0) return 'off';
  return list.map((p) => `${clock(p.from)} - ${clock(p.to)}`).join(', ');
}

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** `2025-01-06T08:00:00` → `2025-01-06-08:00`, tj3's date-time syntax. */
const tjpDateTime = (local: string): string => formatLocal(parseLocal(local)).slice(0, 16).replace('T', '-');

const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
