/**
 * The shape of a plan file, in zod. Values with a syntax of their own (durations, lags, dates, times,
 * periods, ids) are parsed here to their parts; units, defaults and references are applied later
 * (plan-references.ts checks references, plan-to-project.ts builds the `Project`).
 */
import { DEFAULT_UNITS, minutesPerUnit } from '@tandem/core';
import { z } from 'zod';
import {
  DAY_EXPECTED,
  MONTHS,
  Problem,
  WEEKDAYS,
  WEEKS_OF_MONTH,
  parseDateText,
  parseDayText,
  parseDurationText,
  parseLagText,
  parsePeriodText,
  parseTimeText,
  formatPeriod,
} from './plan-values.ts';

/** A value with its own syntax: the parser's result, or an issue saying what was expected. */
function syntax<T>(parse: (input: unknown) => T | Problem) {
  return z.unknown().transform((input, ctx): T => {
    const result = parse(input);
    if (!(result instanceof Problem)) return result;
    const message = input === undefined ? `required: ${result.expected}` : `expected ${result.expected}`;
    ctx.addIssue({ code: 'custom', message, input });
    return z.NEVER;
  });
}

/** An object that rejects unknown fields, naming the ones it knows. */
function obj<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field; expected one of: ${known}`
        : issue.code === 'invalid_type'
          ? issue.input === undefined
            ? `required: a mapping with ${known}`
            : `expected a mapping with ${known}`
          : undefined,
  });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: () => `expected one of: ${values.join(', ')}` });
}

const ID_EXPECTED = 'an id: letters, digits and - _ . : / without spaces';
export function parseId(input: unknown): string | Problem {
  if (typeof input === 'number' && Number.isSafeInteger(input)) return String(input);
  return typeof input === 'string' && /^[^\s,]+$/.test(input) ? input : new Problem(ID_EXPECTED);
}

const number = (what: string, min = 0, max = Infinity) =>
  z
    .number({ error: () => `expected ${what}` })
    .refine((n) => Number.isFinite(n) && n >= min && n <= max, { error: () => `expected ${what}` });
const integer = (what: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.number({ error: () => `expected ${what}` }).refine((n) => Number.isInteger(n) && n >= min && n <= max, {
    error: () => `expected ${what}`,
  });
const text = z.string({ error: () => 'expected text' });
/** Text that YAML may have read as a number (`wbs: 1.2`, `name: 2026`). */
const label = z.union([z.string(), z.number()], { error: () => 'expected text' }).transform(String);

const UNITS_EXPECTED = 'units as a fraction (0.5) or a percentage ("50%"), not negative';
function parseUnits(input: unknown): number | Problem {
  if (typeof input === 'number' && Number.isFinite(input) && input >= 0) return input;
  const m = typeof input === 'string' ? /^(\d+(?:\.\d+)?)\s*%$/.exec(input.trim()) : null;
  return m ? Number(m[1]) / 100 : new Problem(UNITS_EXPECTED);
}

const LINK_EXPECTED = 'a task id, optionally with a link type and lag ("design SS+2d"), or {task, type, lag}';
export function parseLinkText(input: unknown) {
  if (typeof input === 'number')
    return parseId(input) instanceof Problem ? new Problem(LINK_EXPECTED) : { task: String(input) };
  const m =
    typeof input === 'string' ? /^([^\s,]+)(?:\s+(FS|SS|FF|SF)\s*([+-].*)?)?$/i.exec(input.trim()) : null;
  if (!m?.[1]) return new Problem(LINK_EXPECTED);
  const lag = m[3] !== undefined ? parseLagText(m[3].replace(/^\+/, '')) : undefined;
  if (lag instanceof Problem) return new Problem(LINK_EXPECTED);
  return {
    task: m[1],
    ...(m[2] ? { type: m[2].toUpperCase() as LinkTypeText } : {}),
    ...(lag ? { lag } : {}),
  };
}

export const id = syntax(parseId);
export const duration = syntax(parseDurationText);
export const lag = syntax(parseLagText);
export const date = syntax(parseDateText);
export const day = syntax(parseDayText);
export const time = syntax(parseTimeText);
const units = syntax(parseUnits);

const LINK_TYPES = ['FS', 'SS', 'FF', 'SF'] as const;
type LinkTypeText = (typeof LINK_TYPES)[number];
const CONSTRAINT_TYPES = ['ASAP', 'ALAP', 'SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO'] as const;

/** Working periods of a day, in order and not overlapping. */
const periods = z
  .array(syntax(parsePeriodText), { error: () => 'expected a list of "HH:mm-HH:mm" periods' })
  .superRefine((list, ctx) => {
    list.forEach((p, i) => {
      const before = list[i - 1];
      if (before && p.from < before.to)
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: 'periods must be in order and must not overlap',
          input: formatPeriod(p),
        });
    });
  });

const week = obj(
  Object.fromEntries(WEEKDAYS.map((d) => [d, periods.optional()])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<typeof periods>
  >,
);

const recurrence = obj({
  type: oneOf(['daily', 'weekly', 'monthly', 'yearly']),
  every: integer('a whole number of at least 1', 1).optional(),
  days: z.array(oneOf(WEEKDAYS)).optional(),
  day: integer('a day of the month, 1 to 31', 1, 31).optional(),
  week: oneOf(WEEKS_OF_MONTH).optional(),
  month: z.union([integer('a month, 1 to 12 or jan to dec', 1, 12), oneOf(MONTHS)]).optional(),
  occurrences: integer('a whole number of at least 1', 1).optional(),
});

const dayRange = (value: { date?: string | undefined; from?: string | undefined }, ctx: z.RefinementCtx) => {
  if ((value.date === undefined) === (value.from === undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      message: `required: either date or from (${DAY_EXPECTED})`,
    });
};

const holiday = z.union(
  [
    day,
    obj({
      date: day.optional(),
      from: day.optional(),
      to: day.optional(),
      name: label.optional(),
    }).superRefine(dayRange),
  ],
  { error: () => `expected ${DAY_EXPECTED} or {date, name} or {from, to, name}` },
);

const exception = obj({
  name: label.optional(),
  date: day.optional(),
  from: day.optional(),
  to: day.optional(),
  working: periods.optional(),
  recurrence: recurrence.optional(),
}).superRefine((value, ctx) => {
  dayRange(value, ctx);
  if (value.recurrence && value.to === undefined && value.recurrence.occurrences === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'required for a recurring exception without occurrences',
    });
});

export const calendarSchema = obj({
  id,
  name: label.optional(),
  base: id.optional(),
  resource: id.optional(),
  week: week.optional(),
  workWeeks: z.array(obj({ name: label.optional(), from: day, to: day, week })).optional(),
  holidays: z.array(holiday).optional(),
  exceptions: z.array(exception).optional(),
});

export const resourceSchema = obj({
  id,
  name: label.optional(),
  type: oneOf(['work', 'material', 'cost']).optional(),
  maxUnits: units.optional(),
  rate: number('a cost per hour (a number, not negative)').optional(),
  overtimeRate: number('a cost per hour (a number, not negative)').optional(),
  costPerUse: number('a cost (a number, not negative)').optional(),
  calendar: id.optional(),
  email: text.optional(),
  group: label.optional(),
  initials: label.optional(),
});

const link = z.union(
  [syntax(parseLinkText), obj({ task: id, type: oneOf(LINK_TYPES).optional(), lag: lag.optional() })],
  { error: () => `expected ${LINK_EXPECTED}` },
);

const assignment = z.union(
  [
    id,
    obj({
      id,
      units: units.optional(),
      work: duration.optional(),
      actualWork: duration.optional(),
      assignmentId: id.optional(),
    }),
  ],
  { error: () => 'expected a resource id or {id, units, work}' },
);

const constraint = z.union(
  [
    oneOf(CONSTRAINT_TYPES),
    obj({ type: oneOf(CONSTRAINT_TYPES), date: date.optional() }).superRefine((c, ctx) => {
      if (c.type !== 'ASAP' && c.type !== 'ALAP' && c.date === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['date'],
          message: `required for a ${c.type} constraint: a date`,
        });
    }),
  ],
  { error: () => `expected a constraint type (${CONSTRAINT_TYPES.join(', ')}) or {type, date}` },
);

const progress = z.union(
  [
    number('a percentage complete, 0 to 100', 0, 100),
    obj({
      percent: number('a percentage complete, 0 to 100', 0, 100).optional(),
      actualStart: date.optional(),
      actualFinish: date.optional(),
      remaining: duration.optional(),
    }),
  ],
  {
    error: () =>
      'expected a percentage complete (0 to 100) or {percent, actualStart, actualFinish, remaining}',
  },
);

const DISTRIBUTIONS = ['triangular', 'pert', 'uniform', 'fixed'] as const;

/** Adds an issue unless optimistic ≤ most likely ≤ pessimistic (`size` puts each on one scale). */
function inOrder<T>(size: (v: T) => number) {
  return (e: { optimistic: T; mostLikely: T; pessimistic: T }, ctx: z.RefinementCtx) => {
    if (size(e.optimistic) > size(e.mostLikely))
      ctx.addIssue({ code: 'custom', path: ['optimistic'], message: 'must not be more than mostLikely' });
    if (size(e.mostLikely) > size(e.pessimistic))
      ctx.addIssue({ code: 'custom', path: ['pessimistic'], message: 'must not be less than mostLikely' });
  };
}

/** Three-point duration estimate (working time unless written as elapsed, like any duration). */
const estimate = obj({
  optimistic: duration,
  mostLikely: duration,
  pessimistic: duration,
  distribution: oneOf(DISTRIBUTIONS).optional(),
}).superRefine(inOrder((d) => minutesPerUnit(d.unit, DEFAULT_UNITS, d.elapsed) * d.value));

const money = number('an amount of money (a number, not negative)');
const costEstimate = obj({
  optimistic: money,
  mostLikely: money,
  pessimistic: money,
  distribution: oneOf(DISTRIBUTIONS).optional(),
}).superRefine(inOrder((n: number) => n));

const PROBABILITY_EXPECTED = 'a probability from 0 to 1 (0.3) or a percentage ("30%")';
function parseProbability(input: unknown): number | Problem {
  if (typeof input === 'number' && Number.isFinite(input) && input >= 0 && input <= 1) return input;
  const m = typeof input === 'string' ? /^(\d+(?:\.\d+)?)\s*%$/.exec(input.trim()) : null;
  const value = m ? Number(m[1]) / 100 : NaN;
  return value >= 0 && value <= 1 ? value : new Problem(PROBABILITY_EXPECTED);
}

export const riskSchema = obj({
  id,
  name: label.optional(),
  probability: syntax(parseProbability),
  tasks: z.array(id, { error: () => 'expected a list of task ids' }),
  delay: estimate.optional(),
  cost: costEstimate.optional(),
  category: oneOf(['business', 'technical']).optional(),
  owner: label.optional(),
});

const correlation = obj({
  tasks: z
    .array(id, { error: () => 'expected a list of task ids' })
    .min(2, { error: () => 'expected at least two task ids' }),
  coefficient: number('a correlation coefficient from -1 to 1', -1, 1),
});

const taskFields = {
  id,
  name: label.optional(),
  duration: duration.optional(),
  milestone: z.boolean().optional(),
  after: z.array(link).optional(),
  parent: id.optional(),
  wbs: label.optional(),
  resources: z.array(assignment).optional(),
  constraint: constraint.optional(),
  deadline: date.optional(),
  progress: progress.optional(),
  calendar: id.optional(),
  ignoreResourceCalendar: z.boolean().optional(),
  manual: obj({ start: date, finish: date }).optional(),
  priority: integer('a priority, 0 to 1000', 0, 1000).optional(),
  inactive: z.boolean().optional(),
  notes: text.optional(),
  estimate: estimate.optional(),
  fixedCost: money.optional(),
  actualCost: money.optional(),
  storyPoints: number('story points (a number, not negative)').optional(),
  extra: z.record(z.string(), label).optional(),
};

export type TaskInput = z.output<ReturnType<typeof obj<typeof taskFields>>> & { children?: TaskInput[] };

export const taskSchema: z.ZodType<TaskInput> = obj({
  ...taskFields,
  get children() {
    return z.array(taskSchema).optional();
  },
});

const baselineTask = obj({
  start: date.optional(),
  finish: date.optional(),
  duration: duration.optional(),
  work: duration.optional(),
  cost: number('a cost (a number)', -Infinity).optional(),
});

export const projectSchema = obj({
  name: label,
  start: date,
  finish: date.optional(),
  scheduleFrom: oneOf(['start', 'finish']).optional(),
  statusDate: date.optional(),
  timeZone: syntax(parseTimeZone).optional(),
  calendar: id.optional(),
  units: obj({
    hoursPerDay: number('hours in a working day (more than 0, at most 24)', 1 / 60, 24).optional(),
    hoursPerWeek: number('hours in a working week (more than 0, at most 168)', 1 / 60, 168).optional(),
    daysPerMonth: number('working days in a month (more than 0, at most 31)', 1 / 1440, 31).optional(),
  }).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: () => 'expected an ISO 4217 currency code such as GBP' })
    .optional(),
  criticalSlack: duration.optional(),
  defaultStart: time.optional(),
  defaultFinish: time.optional(),
});

export const planSchema = obj({
  version: z.literal(1, { error: () => 'expected 1 (the only plan file version so far)' }).optional(),
  project: projectSchema,
  calendars: z.array(calendarSchema).optional(),
  resources: z.array(resourceSchema).optional(),
  tasks: z.array(taskSchema).optional(),
  baselines: z.array(obj({ name: label, tasks: z.record(z.string(), baselineTask) })).optional(),
  risks: z.array(riskSchema).optional(),
  correlations: z.array(correlation).optional(),
});

export type PlanInput = z.output<typeof planSchema>;
export type CalendarInput = z.output<typeof calendarSchema>;
export type ResourceInput = z.output<typeof resourceSchema>;
export type RiskInput = z.output<typeof riskSchema>;

function parseTimeZone(input: unknown): string | Problem {
  const expected = new Problem('an IANA time zone such as Europe/London');
  if (typeof input !== 'string' || input.trim() === '') return expected;
  try {
    new Intl.DateTimeFormat('en', { timeZone: input });
    return input;
  } catch {
    return expected;
  }
}
