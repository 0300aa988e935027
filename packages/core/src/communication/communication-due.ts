/**
 * When communication plan entries fall due: occurrences follow the cadence from the entry's start
 * date; an occurrence counts as done when the entry was last done on or after it. Dates are
 * `YYYY-MM-DD` calendar dates (no time zone: the plan's own days).
 */

export const CADENCE_VALUES = ['daily', 'weekly', 'fortnightly', 'monthly', 'quarterly'] as const;
export type CommunicationCadence = (typeof CADENCE_VALUES)[number];

export interface PlannedCommunication {
  cadence: CommunicationCadence;
  startDate: string;
  lastDoneOn: string | null;
}

const DAY = 86_400_000;

function toDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY;
}

function fromDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Adds whole months, keeping the day of the month where it exists (31 Jan + 1 month = 28/29 Feb). */
function addMonths(start: number, months: number): number {
  const d = new Date(start * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY;
}

const isWeekend = (day: number) => {
  const w = new Date(day * DAY).getUTCDay();
  return w === 0 || w === 6;
};

/** The k-th occurrence (k ≥ 0) of a cadence from `start` (daily: working days, Monday to Friday). */
function occurrence(cadence: CommunicationCadence, start: number, k: number): number {
  switch (cadence) {
    case 'daily': {
      let day = start;
      while (isWeekend(day)) day++;
      for (let i = 0; i < k; i++) {
        day++;
        while (isWeekend(day)) day++;
      }
      return day;
    }
    case 'weekly':
      return start + 7 * k;
    case 'fortnightly':
      return start + 14 * k;
    case 'monthly':
      return addMonths(start, k);
    case 'quarterly':
      return addMonths(start, 3 * k);
  }
}

/** The first occurrence on or after `from`. */
function firstOnOrAfter(entry: PlannedCommunication, from: number): number {
  const start = toDay(entry.startDate);
  if (from <= start) return occurrence(entry.cadence, start, 0);
  const step = { daily: 1, weekly: 7, fortnightly: 14, monthly: 28, quarterly: 89 }[entry.cadence];
  // Jump close (never past) by the shortest period, then walk.
  let k = Math.max(0, Math.floor(((from - start) * (entry.cadence === 'daily' ? 5 / 7 : 1)) / step) - 2);
  while (occurrence(entry.cadence, start, k) < from) k++;
  return occurrence(entry.cadence, start, k);
}

/**
 * The next occurrence not yet done: the first one after `lastDoneOn` (or the start date).
 *
 * @example nextDue({ cadence: 'weekly', startDate: '2026-01-05', lastDoneOn: '2026-01-12' }) // '2026-01-19'
 */
export function nextDue(entry: PlannedCommunication): string {
  const after = entry.lastDoneOn === null ? -Infinity : toDay(entry.lastDoneOn) + 1;
  return fromDay(firstOnOrAfter(entry, Math.max(after, toDay(entry.startDate))));
}

export interface DueCommunication<T> {
  entry: T;
  /** The occurrence that is due. */
  dueOn: string;
  /** Due before the week began and still not done. */
  overdue: boolean;
}

/** Monday of the week that holds `date`. */
export function weekStart(date: string): string {
  const day = toDay(date);
  const w = new Date(day * DAY).getUTCDay();
  return fromDay(day - ((w + 6) % 7));
}

/**
 * What is due in the week starting Monday `week` (any day of it will do): each entry's undone
 * occurrences in that week, and the ones already overdue before it, earliest first.
 *
 * Complexity: O(n · o) for n entries and o occurrences per week (at most 5).
 */
export function dueInWeek<T extends PlannedCommunication>(
  entries: readonly T[],
  week: string,
): DueCommunication<T>[] {
  const from = toDay(weekStart(week));
  const to = from + 7;
  const due: DueCommunication<T>[] = [];
  for (const entry of entries) {
    let day = toDay(nextDue(entry));
    if (day >= to) continue;
    if (day < from) {
      due.push({ entry, dueOn: fromDay(day), overdue: true });
      day = firstOnOrAfter(entry, from);
    }
    while (day < to) {
      due.push({ entry, dueOn: fromDay(day), overdue: false });
      day = firstOnOrAfter(entry, day + 1);
    }
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
