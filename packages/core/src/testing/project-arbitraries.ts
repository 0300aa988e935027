/**
 * fast-check arbitraries of small random plans for the scheduler's property tests: 2–40 tasks, mixed
 * FS/SS/FF/SF links with working, elapsed and percent lags (positive and negative), random project and
 * task calendars (odd working periods, holidays, working exceptions, a derived calendar), elapsed
 * durations and milestones, and optionally constraints of every type. Networks are acyclic by
 * construction: a task's predecessors come before it. Test-only.
 */
import fc from 'fast-check';
import { compileCalendar, type WorkingTime } from '../calendar/working-time.ts';
import {
  STANDARD_DAY,
  standardCalendar,
  type Calendar,
  type DayPattern,
  type WeekPattern,
  type WorkingPeriod,
} from '../model/calendar.ts';
import type { Lag } from '../model/duration.ts';
import {
  DEFAULT_UNITS,
  type ConstraintType,
  type Link,
  type LinkType,
  type Project,
  type Task,
} from '../model/project.ts';
import { formatLocal, formatLocalDate, parseLocal } from '../time/local-time.ts';

export interface ProjectArbitraryOptions {
  minTasks?: number;
  maxTasks?: number;
  /** Give some tasks their own calendar. Default true. */
  taskCalendars?: boolean;
  /** Give some tasks a constraint (dates from the project start to ~10 weeks after). Default false. */
  constraints?: boolean;
  /** Allow elapsed durations and elapsed lags. Default true. */
  elapsed?: boolean;
  /**
   * Nest tasks under summary tasks (about one row in five is a summary) and let links start or end
   * on summaries, as MS Project allows: FS and SS into a summary, any type out of one. Default false.
   */
  summaries?: boolean;
}

export const PROJECT_CALENDAR_ID = 'project';

/** Days from the project start within which constraint dates fall. */
const HORIZON_DAYS = 70;

/** Fresh copies, so no two calendars share (or freeze) one array. */
const periods = (list: WorkingPeriod[]): fc.Arbitrary<WorkingPeriod[]> =>
  fc.constant(list).map((l) => l.map((p) => ({ ...p })));

/** Working periods of one day on a 30-minute grid: common shapes and random ones. */
const workingDay: fc.Arbitrary<WorkingPeriod[]> = fc.oneof(
  { weight: 4, arbitrary: periods(STANDARD_DAY) },
  { weight: 1, arbitrary: periods([{ from: 0, to: 1440 }]) },
  { weight: 1, arbitrary: periods([{ from: 360, to: 840 }]) },
  { weight: 1, arbitrary: periods([{ from: 1080, to: 1440 }]) },
  {
    weight: 2,
    arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 2, maxLength: 6 }).map((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const day: WorkingPeriod[] = [];
      for (let k = 0; k + 1 < sorted.length; k += 2)
        day.push({ from: sorted[k]! * 30, to: sorted[k + 1]! * 30 });
      return day;
    }),
  },
);

const dayPattern: fc.Arbitrary<DayPattern> = fc.oneof(
  { weight: 3, arbitrary: workingDay },
  { weight: 1, arbitrary: periods([]) },
);

/** A working week with at least one working day. */
const week: fc.Arbitrary<WeekPattern> = fc
  .tuple(dayPattern, dayPattern, dayPattern, dayPattern, dayPattern, dayPattern, dayPattern)
  .filter((days) => days.some((d) => d !== undefined && d.length > 0))
  .map((days) => days as WeekPattern);

/** Calendars are drawn from pools (compiling one costs ~2 ms, a plan ~0.1 ms); their exceptions fall in 2025. */
const POOL_FIRST_DAY = parseLocal('2025-01-01') / 1440;
const POOL_SEED = 424242;

/** Exceptions over 2025: mostly holidays of one to five days, some changed working days. */
const exceptions = fc
  .array(
    fc.record({
      offset: fc.integer({ min: 0, max: 364 }),
      days: fc.integer({ min: 0, max: 4 }),
      periods: fc.oneof({ weight: 3, arbitrary: periods([]) }, { weight: 1, arbitrary: workingDay }),
    }),
    { maxLength: 14 },
  )
  .map((list) =>
    list.map(({ offset, days, periods: p }) => ({
      from: formatLocalDate((POOL_FIRST_DAY + offset) * 1440),
      to: formatLocalDate((POOL_FIRST_DAY + offset + days) * 1440),
      periods: p,
    })),
  );

const calendarPool = (id: string, seed: number): Calendar[] => [
  // Index 0, where shrinking goes: MS Project's Standard calendar.
  { ...standardCalendar(id, id) },
  ...fc
    .sample(fc.record({ week, exceptions }), { seed, numRuns: 15 })
    .map((c): Calendar => ({ id, name: id, ...c })),
];

/** Calendars based on the project calendar that override a few weekdays (the rest inherited). */
const derivedPool: Calendar[] = [
  {
    id: 'derived',
    name: 'derived',
    baseCalendarId: PROJECT_CALENDAR_ID,
    week: [undefined, undefined, undefined, undefined, undefined, undefined, undefined],
    exceptions: [],
  },
  ...fc
    .sample(
      fc.record({
        week: fc.tuple(...Array.from({ length: 7 }, () => fc.option(dayPattern, { nil: undefined }))),
        exceptions,
      }),
      { seed: POOL_SEED + 2, numRuns: 5 },
    )
    .map(({ week: days, exceptions: ex }) => ({
      id: 'derived',
      name: 'derived',
      baseCalendarId: PROJECT_CALENDAR_ID,
      week: days as WeekPattern,
      exceptions: ex,
    })),
];
const projectPool = calendarPool(PROJECT_CALENDAR_ID, POOL_SEED);
const altPool = calendarPool('alt', POOL_SEED + 1);

const compiled = new Map<string, WorkingTime>();

/**
 * The project's calendars compiled, each distinct calendar (with its base) once per process — pass
 * the result to `scheduleProject(project, { compiledCalendars })` to keep property tests fast.
 */
export function compiledCalendarsOf(project: Project): Map<string, WorkingTime> {
  const byId = new Map(project.calendars.map((c) => [c.id, c]));
  const result = new Map<string, WorkingTime>();
  for (const calendar of project.calendars) {
    const base = calendar.baseCalendarId === undefined ? undefined : byId.get(calendar.baseCalendarId);
    const key = JSON.stringify([calendar, base ?? null]);
    let cal = compiled.get(key);
    if (!cal) {
      cal = compileCalendar(calendar, project.calendars);
      compiled.set(key, cal);
    }
    result.set(calendar.id, cal);
  }
  return result;
}

export const LINK_TYPE: fc.Arbitrary<LinkType> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<LinkType>('FS') },
  { weight: 2, arbitrary: fc.constantFrom<LinkType>('SS', 'FF', 'SF') },
);

/** No lag, or a working, elapsed or percent lag, positive or negative. */
const lagSpec: fc.Arbitrary<
  { kind: 'none' } | { kind: 'working' | 'elapsed'; minutes: number } | { kind: 'percent'; percent: number }
> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: -16, max: 16 }).map((h) => ({ kind: 'working' as const, minutes: h * 60 })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: -6, max: 6 }).map((h) => ({ kind: 'elapsed' as const, minutes: h * 360 })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(-50, -25, 25, 50, 100, 150)
      .map((percent) => ({ kind: 'percent' as const, percent })),
  },
);

const CONSTRAINT: fc.Arbitrary<ConstraintType> = fc.constantFrom(
  'ASAP',
  'ALAP',
  'SNET',
  'SNLT',
  'FNET',
  'FNLT',
  'MSO',
  'MFO',
);

const taskSpec = fc.record({
  /** 0 = milestone; otherwise working (or elapsed) minutes on a 30-minute grid. */
  halfHours: fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 64 }) },
  ),
  /** 0 makes a task with a duration run on elapsed time (one in ten). */
  elapsedRoll: fc.integer({ min: 0, max: 9 }),
  /** With summaries: 0–1 opens a summary here; 0–2 closes the innermost open summary first. */
  summaryRoll: fc.integer({ min: 0, max: 9 }),
  closeRoll: fc.integer({ min: 0, max: 9 }),
  calendar: fc.constantFrom<(string | undefined)[]>(undefined, undefined, undefined, 'alt', 'derived'),
  preds: fc.array(fc.record({ from: fc.nat(), type: LINK_TYPE, lag: lagSpec }), { maxLength: 3 }),
  constraint: fc.option(
    fc.record({
      type: CONSTRAINT,
      day: fc.integer({ min: 0, max: HORIZON_DAYS }),
      slot: fc.integer({ min: 0, max: 47 }),
    }),
    { nil: undefined },
  ),
});

/**
 * A random small plan. Task ids are `T0`, `T1`, …; predecessors of `Ti` are among `T0..T(i-1)`.
 *
 * @example
 * fc.assert(fc.property(projectArbitrary(), (project) => { scheduleProject(project); }));
 */
export function projectArbitrary(options: ProjectArbitraryOptions = {}): fc.Arbitrary<Project> {
  const {
    minTasks = 2,
    maxTasks = 40,
    taskCalendars = true,
    constraints = false,
    elapsed = true,
    summaries = false,
  } = options;
  return fc
    .record({
      day: fc.integer({ min: 0, max: 180 }).map((d) => POOL_FIRST_DAY + d),
      startSlot: fc.integer({ min: 0, max: 47 }),
      calendars: fc.record({
        project: fc.nat({ max: projectPool.length - 1 }),
        alt: fc.nat({ max: altPool.length - 1 }),
        derived: fc.nat({ max: derivedPool.length - 1 }),
      }),
      tasks: fc.array(taskSpec, { minLength: minTasks, maxLength: maxTasks, size: 'medium' }),
    })
    .map(({ day, startSlot, calendars: pick, tasks: specs }): Project => {
      const tasks: Task[] = [];
      const links: Link[] = [];
      // Summaries that may still get children: the ancestors of the next task, innermost last.
      // Links never touch an open summary, so a summary's roll-up never waits on its successors.
      const open: number[] = [];
      specs.forEach((spec, i) => {
        if (summaries && open.length > 0 && spec.closeRoll <= 2) open.pop();
        const isSummary = summaries && spec.summaryRoll <= 1;
        const minutes = spec.halfHours * 30;
        const task: Task = {
          id: `T${i}`,
          name: `Task ${i}`,
          // A summary's own duration is ignored (it rolls up its children's); keep one anyway.
          duration: {
            minutes,
            ...(elapsed && minutes > 0 && spec.elapsedRoll === 0 ? { elapsed: true } : {}),
          },
        };
        const parent = open[open.length - 1];
        if (parent !== undefined) task.parentId = `T${parent}`;
        if (taskCalendars && spec.calendar !== undefined) task.calendarId = spec.calendar;
        if (constraints && spec.constraint && !isSummary) {
          const { type, day: offset, slot } = spec.constraint;
          task.constraint =
            type === 'ASAP' || type === 'ALAP'
              ? { type }
              : { type, date: formatLocal((day + offset) * 1440 + slot * 30) };
        }
        tasks.push(task);
        const seen = new Set<number>(open);
        for (const pred of i === 0 ? [] : spec.preds) {
          const p = pred.from % i;
          if (seen.has(p)) continue;
          seen.add(p);
          // MS Project refuses finish-to-finish and start-to-finish links onto a summary.
          const type = !isSummary
            ? pred.type
            : pred.type === 'FF'
              ? 'FS'
              : pred.type === 'SF'
                ? 'SS'
                : pred.type;
          const link: Link = { predecessorId: `T${p}`, successorId: task.id, type };
          const lag = toLag(
            !elapsed && pred.lag.kind === 'elapsed' ? { ...pred.lag, kind: 'working' } : pred.lag,
            tasks[p]!.duration.minutes,
          );
          if (lag) link.lag = lag;
          links.push(link);
        }
        if (isSummary) open.push(i);
      });
      return {
        name: 'random',
        start: formatLocal(day * 1440 + startSlot * 30),
        calendarId: PROJECT_CALENDAR_ID,
        units: { ...DEFAULT_UNITS },
        calendars: taskCalendars
          ? [projectPool[pick.project]!, altPool[pick.alt]!, derivedPool[pick.derived]!]
          : [projectPool[pick.project]!],
        tasks,
        links,
        resources: [],
        assignments: [],
        baselines: [],
      };
    });
}

type LagSpec = typeof lagSpec extends fc.Arbitrary<infer T> ? T : never;

function toLag(spec: LagSpec, predecessorMinutes: number): Lag | undefined {
  switch (spec.kind) {
    case 'none':
      return undefined;
    case 'working':
      return { minutes: spec.minutes, unit: 'hour' };
    case 'elapsed':
      return { minutes: spec.minutes, elapsed: true, unit: 'hour' };
    case 'percent':
      return { minutes: (predecessorMinutes * spec.percent) / 100, percent: spec.percent };
  }
}
