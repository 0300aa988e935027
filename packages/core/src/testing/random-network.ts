/**
 * Seeded generator of realistic plans for benchmarks and tests: long networks of mostly
 * finish-to-start links, summaries every twenty-odd rows, a standard calendar with public holidays.
 * Test-only: nothing in the product imports this.
 */
import { standardCalendar, type CalendarException } from '../model/calendar.ts';
import type { Lag } from '../model/duration.ts';
import { DEFAULT_UNITS, type Link, type LinkType, type Project, type Task } from '../model/project.ts';
import { formatLocalDate, parseLocal } from '../time/local-time.ts';
import { longestChainUpperBound } from './network-span.ts';
import { prng, type Prng } from './prng.ts';

export interface RandomNetworkOptions {
  /** Rows in `project.tasks`, summaries included. */
  tasks: number;
  /** Same seed, same plan. Default 1. */
  seed?: number;
  /** Project start, a local date-time. Default Monday 2025-01-06 08:00. */
  start?: string;
  /**
   * Predecessors are drawn from this many preceding work tasks, so the plan is a long chain of
   * overlapping work rather than one wide fan. Default grows with the square root of `tasks`.
   */
  window?: number;
  /** Public holidays per year of the plan's span. Default 10. */
  holidaysPerYear?: number;
  /** Relative weights of the link types. Default FS 80, SS 10, FF 7, SF 3. */
  linkTypes?: Partial<Record<LinkType, number>>;
  /**
   * Relative weights of the lag kinds: none 65, positive 20 (1–3 working days), negative 7,
   * elapsed 4 (±1–3 days), percent 4 (−50 % … 100 % of the predecessor's duration).
   */
  lags?: Partial<Record<LagKind, number>>;
}

export type LagKind = 'none' | 'positive' | 'negative' | 'elapsed' | 'percent';

const DAY = DEFAULT_UNITS.minutesPerDay;

/** Share of each link type; MS Project plans are mostly finish-to-start. */
const LINK_TYPES: Record<LinkType, number> = { FS: 80, SS: 10, FF: 7, SF: 3 };
/** How many predecessors a work task has (mean 1.9). */
const PREDECESSOR_COUNTS = { '0': 5, '1': 25, '2': 45, '3': 25 };
const LAG_KINDS: Record<LagKind, number> = { none: 65, positive: 20, negative: 7, elapsed: 4, percent: 4 };

/**
 * Builds a plan of `options.tasks` rows: phases of about ten summaries, summaries of about twenty work
 * tasks (1–20 working days, some milestones), each work task with about two predecessors among the
 * previous `window` work tasks (acyclic by construction), mixed link types and lags, and one
 * "Standard" calendar (Mon–Fri 08:00–12:00, 13:00–17:00) with public holidays over the plan's span.
 *
 * @example
 * const project = randomNetwork({ tasks: 1000, seed: 7 });
 *
 * Complexity: O(tasks).
 */
export function randomNetwork(options: RandomNetworkOptions): Project {
  const size = Math.max(1, Math.floor(options.tasks));
  const rng = prng(options.seed ?? 1);
  const start = options.start ?? '2025-01-06T08:00:00';
  const window = options.window ?? Math.max(8, Math.round(4 * Math.sqrt(size)));
  const linkTypes = options.linkTypes ?? LINK_TYPES;
  const lagKinds = options.lags ?? LAG_KINDS;

  const tasks: Task[] = [];
  const links: Link[] = [];
  const work: Task[] = [];
  let phaseId: string | undefined;
  let groupId: string | undefined;
  let groupsLeftInPhase = 0;
  let rowsLeftInGroup = 0;

  const add = (task: Task): Task => {
    tasks.push(task);
    return task;
  };
  while (tasks.length < size) {
    const remaining = size - tasks.length;
    if (groupsLeftInPhase === 0 && rowsLeftInGroup === 0 && remaining >= 3) {
      phaseId = add(summary(`${tasks.length + 1}`, 'Phase')).id;
      groupsLeftInPhase = rng.int(5, 15);
    }
    if (rowsLeftInGroup === 0 && remaining >= 2 && phaseId !== undefined) {
      groupId = add(summary(`${tasks.length + 1}`, 'Work package', phaseId)).id;
      groupsLeftInPhase = Math.max(0, groupsLeftInPhase - 1);
      rowsLeftInGroup = rng.int(10, 30);
    }
    if (tasks.length >= size) break;
    const task = add(workTask(rng, `${tasks.length + 1}`, groupId));
    rowsLeftInGroup = Math.max(0, rowsLeftInGroup - 1);
    const count = work.length === 0 ? 0 : Number(rng.weighted(PREDECESSOR_COUNTS));
    const chosen = new Set<number>();
    for (let k = 0; k < count; k++) {
      const back = rng.int(1, Math.min(window, work.length));
      chosen.add(work.length - back);
    }
    for (const p of [...chosen].sort((a, b) => a - b)) {
      links.push(randomLink(rng, work[p]!, task, linkTypes, lagKinds));
    }
    work.push(task);
  }

  const calendar = standardCalendar();
  const project: Project = {
    name: `Random network (${size} tasks, seed ${options.seed ?? 1})`,
    start,
    calendarId: calendar.id,
    units: { ...DEFAULT_UNITS },
    calendars: [calendar],
    tasks,
    links,
    resources: [],
    assignments: [],
    baselines: [],
  };
  const spanDays = Math.ceil((longestChainUpperBound(project) / DAY) * 1.5) + 60;
  calendar.exceptions = publicHolidays(rng, start, spanDays, options.holidaysPerYear ?? 10);
  return project;
}

function summary(id: string, kind: string, parentId?: string): Task {
  return {
    id,
    name: `${kind} ${id}`,
    ...(parentId === undefined ? {} : { parentId }),
    duration: { minutes: 0, unit: 'day' },
  };
}

function workTask(rng: Prng, id: string, parentId: string | undefined): Task {
  const milestone = rng.chance(0.05);
  // Skewed towards short tasks, as in real plans: 1–20 days, median about 6.
  const days = milestone ? 0 : 1 + Math.floor(rng.next() ** 1.6 * 20);
  return {
    id,
    name: milestone ? `Milestone ${id}` : `Task ${id}`,
    ...(parentId === undefined ? {} : { parentId }),
    duration: { minutes: days * DAY, unit: 'day' },
  };
}

function randomLink(
  rng: Prng,
  predecessor: Task,
  successor: Task,
  types: Partial<Record<LinkType, number>>,
  lags: Partial<Record<LagKind, number>>,
): Link {
  const type = rng.weighted(types as Record<LinkType, number>);
  const link: Link = { predecessorId: predecessor.id, successorId: successor.id, type };
  const lag = randomLag(rng, predecessor.duration.minutes, lags);
  if (lag) link.lag = lag;
  return link;
}

function randomLag(
  rng: Prng,
  predecessorMinutes: number,
  kinds: Partial<Record<LagKind, number>>,
): Lag | undefined {
  switch (rng.weighted(kinds as Record<LagKind, number>)) {
    case 'none':
      return undefined;
    case 'positive':
      return { minutes: rng.int(1, 3) * DAY, unit: 'day' };
    case 'negative':
      return { minutes: -rng.int(1, 3) * DAY, unit: 'day' };
    case 'elapsed':
      return { minutes: (rng.chance(0.8) ? 1 : -1) * rng.int(1, 3) * 1440, elapsed: true, unit: 'day' };
    case 'percent': {
      const percent = rng.pick([-50, -25, 25, 50, 100]);
      return { minutes: Math.round((predecessorMinutes * percent) / 100), percent, unit: 'day' };
    }
  }
}

/**
 * About `perYear` one-day holidays a year from the project start for `spanDays`: four fixed dates
 * (New Year, 1 May, Christmas, Boxing Day) and the rest on random days, weekends included, as the
 * real ones fall.
 */
function publicHolidays(rng: Prng, start: string, spanDays: number, perYear: number): CalendarException[] {
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(formatLocalDate(parseLocal(start) + spanDays * 1440).slice(0, 4));
  const exceptions: CalendarException[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const days = new Set<string>(
      ['01-01', '05-01', '12-25', '12-26'].slice(0, perYear).map((md) => `${year}-${md}`),
    );
    const jan1 = parseLocal(`${year}-01-01`);
    while (days.size < perYear) days.add(formatLocalDate(jan1 + rng.int(0, 364) * 1440));
    for (const day of [...days].sort()) {
      exceptions.push({ name: `Holiday ${day}`, from: day, to: day, periods: [] });
    }
  }
  return exceptions;
}
