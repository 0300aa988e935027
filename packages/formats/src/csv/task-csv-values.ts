/**
 * The cell values of a task CSV, in the notation MS Project uses in its tables and CSV exports:
 * durations (`5d`, `5 days`, `3 hrs`, `2 wks`, `4 edays`, `1d?`), predecessors (`3FS+2d;5SS;7`),
 * resource names (`Alice[50%];Bob`), dates (`2026-01-05`, `2026-01-05 09:00`) and percentages.
 * Parsers return a `Problem` (what was expected) instead of throwing, so every cell can be checked.
 */
import type { Duration, Lag, LinkType, LocalDateTime, ProjectUnits } from '@tandem/core';
import {
  Problem,
  formatDate,
  formatDuration,
  formatLag,
  parseDateText,
  parseDurationText,
  parseLagText,
  toDuration,
  toLag,
  toLocalDateTime,
} from '../plan/plan-values.ts';

export { Problem };

/** MS Project's unit words → the plan-file suffix. */
const WORDS: [RegExp, string][] = [
  [/^(e?)(?:mons?|months?|mo)$/, 'mo'],
  [/^(e?)(?:wks?|weeks?|w)$/, 'w'],
  [/^(e?)(?:days?|dys?|d)$/, 'd'],
  [/^(e?)(?:hrs?|hours?|h)$/, 'h'],
  [/^(e?)(?:mins?|minutes?|m)$/, 'm'],
];

/** `5 days`, `3 hrs`, `4 edays`, `2.5w` → `5d`, `3h`, `4ed`, `2.5w` (the plan-file notation). */
function normaliseAmount(text: string): string | undefined {
  const m = /^([+-]?\d+(?:[.,]\d+)?)\s*([a-z]*)\s*(\?)?$/i.exec(text.trim());
  if (!m) return undefined;
  const value = m[1]!.replace(',', '.');
  const word = m[2]!.toLowerCase();
  if (word === '') return `${value}d${m[3] ?? ''}`;
  for (const [re, suffix] of WORDS) {
    const w = re.exec(word);
    if (w) return `${value}${w[1]}${suffix}${m[3] ?? ''}`;
  }
  return undefined;
}

export const CSV_DURATION_EXPECTED = 'a duration such as 5d, 5 days, 3h, 2 wks, 4 edays (elapsed), 1d? or 0';

export function parseCsvDuration(text: string, units: ProjectUnits): Duration | Problem {
  const normal = normaliseAmount(text);
  const parsed = normal === undefined ? undefined : parseDurationText(normal === '0d' ? '0' : normal);
  if (parsed === undefined || parsed instanceof Problem || parsed.value < 0)
    return new Problem(CSV_DURATION_EXPECTED);
  return toDuration(parsed, units);
}

export function formatCsvDuration(d: Duration, units: ProjectUnits): string {
  return String(formatDuration(d, units));
}

export interface CsvPredecessor {
  taskId: string;
  type: LinkType;
  lag?: Lag;
}

const PREDECESSOR = /^(.+?)(FS|SS|FF|SF)?(?:\s*([+-]\s*\d.*))?$/i;

/** `3FS+2d;5SS;7` (also comma-separated) → one entry each; a bare id is finish-to-start. */
export function parsePredecessors(
  text: string,
  units: ProjectUnits,
): { items: CsvPredecessor[]; problems: { text: string; expected: string }[] } {
  const items: CsvPredecessor[] = [];
  const problems: { text: string; expected: string }[] = [];
  for (const raw of text.split(/[;,]/)) {
    const part = raw.trim();
    if (part === '') continue;
    const m = PREDECESSOR.exec(part);
    const lagText = m?.[3]?.replace(/\s+/g, '');
    if (!m) {
      problems.push({ text: part, expected: 'a predecessor such as 3, 3FS, 3SS+2d or 3FF-1d' });
      continue;
    }
    const type = (m[2]?.toUpperCase() ?? 'FS') as LinkType;
    let lag: Lag | undefined;
    if (lagText !== undefined) {
      const percent = /^([+-]\d+(?:\.\d+)?)%$/.exec(lagText);
      const normal = percent ? `${percent[1]}%` : normaliseAmount(lagText);
      const parsed = normal === undefined ? new Problem('') : parseLagText(normal.replace(/\?$/, ''));
      if (parsed instanceof Problem) {
        problems.push({ text: part, expected: 'a lag such as +2d, -1d, +4h, +3ed or +50%' });
        continue;
      }
      lag = toLag(parsed, units);
      if (lag.minutes === 0 && lag.percent === undefined) lag = undefined;
    }
    items.push({ taskId: m[1]!.trim(), type, ...(lag ? { lag } : {}) });
  }
  return { items, problems };
}

/** One predecessor as MS Project writes it: `3` (FS, no lag), `3SS`, `3FS+2d`, `3FF-50%`. */
export function formatPredecessor(p: CsvPredecessor, units: ProjectUnits): string {
  const lag = p.lag ? formatLag(p.lag, units) : undefined;
  const signed = lag === undefined ? '' : lag.startsWith('-') ? lag : `+${lag}`;
  const plainId = /^\d+$/.test(p.taskId);
  if (p.type === 'FS' && signed === '' && plainId) return p.taskId;
  return `${p.taskId}${p.type}${signed}`;
}

export interface CsvResourceRef {
  name: string;
  /** 1 = 100%. */
  units: number;
}

/** `Alice[50%];Bob` (also comma-separated) → names and units (100% when not given). */
export function parseResourceNames(text: string): { items: CsvResourceRef[]; problems: string[] } {
  const items: CsvResourceRef[] = [];
  const problems: string[] = [];
  for (const raw of splitList(text)) {
    const part = raw.trim();
    if (part === '') continue;
    const m = /^(.*?)\s*(?:\[\s*(\d+(?:\.\d+)?)\s*%\s*\])?$/.exec(part);
    if (!m || m[1] === '') {
      problems.push(part);
      continue;
    }
    items.push({ name: m[1]!, units: m[2] !== undefined ? Number(m[2]) / 100 : 1 });
  }
  return { items, problems };
}

/**
 * `a;b` or, without semicolons, `a,b` (MS Project's list separator) — commas inside brackets or
 * parentheses (`Helen (Sponsor, Digital)`) do not split.
 */
function splitList(text: string): string[] {
  if (text.includes(';')) return text.split(';');
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

export function formatResourceRef(r: CsvResourceRef): string {
  return r.units === 1 ? r.name : `${r.name}[${Number((r.units * 100).toPrecision(10))}%]`;
}

export const CSV_DATE_EXPECTED = 'a date such as 2026-01-05 or 2026-01-05 09:00';

/** `2026-01-05`, `2026-01-05 09:00` or `2026-01-05T09:00` → a local date-time (a date alone at `defaultMinute`). */
export function parseCsvDate(text: string, defaultMinute: number): LocalDateTime | Problem {
  const parsed = parseDateText(text.trim().replace(' ', 'T'));
  if (parsed instanceof Problem) return new Problem(CSV_DATE_EXPECTED);
  return toLocalDateTime(parsed, defaultMinute);
}

/** `2026-01-05` when at `defaultMinute`, else `2026-01-05 09:30`. */
export function formatCsvDate(value: LocalDateTime, defaultMinute: number): string {
  return formatDate(value, defaultMinute).replace('T', ' ');
}

/** `50`, `50%`, `50.5 %` → 50 (0..100). */
export function parsePercent(text: string): number | Problem {
  const m = /^(\d+(?:[.,]\d+)?)\s*%?$/.exec(text.trim());
  const value = m ? Number(m[1]!.replace(',', '.')) : NaN;
  if (!(value >= 0 && value <= 100)) return new Problem('a percentage from 0 to 100, such as 50 or 50%');
  return value;
}
