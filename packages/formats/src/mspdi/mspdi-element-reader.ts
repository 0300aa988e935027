/**
 * Typed, path-aware access to the fields of one MSPDI element. A malformed value is recorded as an
 * issue naming its element path (`Project/Tasks/Task[UID=12]/Start`) and the value found, and reads as
 * absent; the reader throws one `FormatError` listing every issue once the whole file has been read.
 * Tolerated oddities become warnings instead.
 */
import type { LocalDateTime } from '@tandem/core';
import { FormatError } from '../format-error.ts';
import type { FormatIssue } from '../format-error.ts';
import { parseMspdiDateTime, parseTimeOfDay } from './mspdi-dates.ts';
import { parseXsdDuration } from './mspdi-durations.ts';
import { child, children, text } from './mspdi-xml.ts';
import type { XmlObject } from './mspdi-xml.ts';

/** Issues and warnings collected while reading one file. */
export class ReadContext {
  readonly issues: FormatIssue[] = [];
  readonly warnings: string[] = [];

  issue(path: string, message: string, value?: string): void {
    this.issues.push(value === undefined ? { path, message } : { path, message, value });
  }

  warn(path: string, message: string, value?: string): void {
    this.warnings.push(
      `${path}: ${message}${value === undefined ? '' : ` (found ${JSON.stringify(value)})`}`,
    );
  }

  /** Throws a `FormatError` listing every issue, if there is any. */
  throwIfIssues(): void {
    if (this.issues.length > 0) throw FormatError.fromIssues('mspdi', this.issues);
  }
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export class ElementReader {
  constructor(
    readonly ctx: ReadContext,
    readonly node: XmlObject,
    readonly path: string,
  ) {}

  /** The path of child element `name`. */
  at(name: string): string {
    return `${this.path}/${name}`;
  }

  has(name: string): boolean {
    return this.node[name] !== undefined;
  }

  /** The text of `name` as written (names, notes); `undefined` when absent or empty. */
  string(name: string): string | undefined {
    const value = text(this.node, name);
    return value === undefined || value.trim() === '' ? undefined : value;
  }

  /** The trimmed text of `name`; `undefined` when absent or empty. */
  value(name: string): string | undefined {
    return this.string(name)?.trim();
  }

  integer(name: string, range: { min?: number; max?: number } = {}): number | undefined {
    const raw = this.value(name);
    if (raw === undefined) return undefined;
    const n = INTEGER.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n)) return this.bad(name, 'expected an integer', raw);
    if ((range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
      const bounds = `${range.min ?? '-∞'}..${range.max ?? '∞'}`;
      return this.bad(name, `expected an integer in ${bounds}`, raw);
    }
    return n;
  }

  number(name: string, range: { min?: number } = {}): number | undefined {
    const raw = this.value(name);
    if (raw === undefined) return undefined;
    const n = DECIMAL.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(n)) return this.bad(name, 'expected a number', raw);
    if (range.min !== undefined && n < range.min)
      return this.bad(name, `expected a number ≥ ${range.min}`, raw);
    return n;
  }

  /** `1`/`0` (also `true`/`false`, as xsd:boolean allows). */
  flag(name: string): boolean | undefined {
    const raw = this.value(name);
    if (raw === undefined) return undefined;
    if (raw === '1' || raw === 'true') return true;
    if (raw === '0' || raw === 'false') return false;
    return this.bad(name, 'expected 1 or 0', raw);
  }

  dateTime(name: string): LocalDateTime | undefined {
    const raw = this.value(name);
    if (raw === undefined) return undefined;
    const parsed = parseMspdiDateTime(raw);
    if (!parsed) return this.bad(name, 'expected a local date-time such as 2018-11-02T08:00:00', raw);
    if (parsed.offset) this.ctx.warn(this.at(name), `time-zone offset ignored: read as ${parsed.value}`, raw);
    return parsed.value;
  }

  /** Minutes from midnight. */
  timeOfDay(name: string): number | undefined {
    const raw = this.value(name);
    if (raw === undefined) return undefined;
    return parseTimeOfDay(raw) ?? this.bad(name, 'expected a time of day such as 08:00:00', raw);
  }

  /** Minutes in an xsd:duration (`PT8H0M0S`); negative values are an issue unless allowed. */
  duration(name: string, options: { allowNegative?: boolean } = {}): number | undefined {
    const raw = this.value(name);
    if (raw === undefined) return undefined;
    const minutes = parseXsdDuration(raw);
    if (minutes === undefined) return this.bad(name, 'expected an ISO-8601 duration such as PT8H0M0S', raw);
    if (minutes < 0 && !options.allowNegative) return this.bad(name, 'a duration cannot be negative', raw);
    return minutes;
  }

  child(name: string): ElementReader | undefined {
    const node = child(this.node, name);
    return node && new ElementReader(this.ctx, node, this.at(name));
  }

  /**
   * Every child `name`, each with its path: `Name[UID=7]` when `byUid` and it has a readable UID, else
   * `Name[3]` (1-based position, as XPath).
   */
  children(name: string, byUid = true): ElementReader[] {
    return children(this.node, name).map((node, index) => {
      const uid = byUid ? text(node, 'UID')?.trim() : undefined;
      const label = uid !== undefined && INTEGER.test(uid) ? `UID=${uid}` : String(index + 1);
      return new ElementReader(this.ctx, node, `${this.path}/${name}[${label}]`);
    });
  }

  /** Records an issue for field `name` and reads it as absent. */
  bad(name: string, message: string, value?: string): undefined {
    this.ctx.issue(this.at(name), message, value);
    return undefined;
  }
}
