/**
 * Reads a PSPLIB single-mode file (`.sm`, Kolisch & Sprecher): header, PROJECT INFORMATION,
 * PRECEDENCE RELATIONS, REQUESTS/DURATIONS and RESOURCEAVAILABILITIES. Any malformed line throws a
 * `FormatError` naming the line number and its text.
 */
import type { Project } from '@tandem/core';
import { FormatError } from '../format-error.ts';
import type { PsplibInstance, PsplibJob, PsplibResource } from './psplib-instance.ts';
import { psplibToProject } from './psplib-project.ts';

const KINDS = { R: 'renewable', N: 'nonrenewable', D: 'doubly-constrained' } as const;

class Lines {
  readonly lines: string[];
  constructor(text: string) {
    this.lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    while (this.lines.length > 0 && this.lines[this.lines.length - 1]?.trim() === '') this.lines.pop();
  }

  text(index: number): string {
    return this.lines[index] ?? '';
  }

  fail(index: number, expected: string): never {
    if (index >= this.lines.length) {
      const line = this.lines.length;
      const message = `line ${line}: the file ends here, but ${expected} was expected (truncated file?)`;
      throw new FormatError({ format: 'psplib', path: `line ${line}`, value: this.text(line - 1), message });
    }
    const text = this.text(index);
    const message = `line ${index + 1}: expected ${expected}, found "${text.trim()}"`;
    throw new FormatError({ format: 'psplib', path: `line ${index + 1}`, value: text, message });
  }

  /** Index of the first line at or after `from` that starts with `title`. */
  find(title: string, from: number): number {
    for (let i = from; i < this.lines.length; i++) if (this.text(i).trim().startsWith(title)) return i;
    return this.fail(this.lines.length, `the section "${title}"`);
  }

  /** Whitespace-separated non-negative integers of a line. */
  integers(index: number, expected: string, minCount: number): number[] {
    if (index >= this.lines.length) this.fail(index, expected);
    const tokens = this.text(index).trim().split(/\s+/).filter(Boolean);
    if (tokens.length < minCount || !tokens.every((t) => /^\d+$/.test(t))) this.fail(index, expected);
    return tokens.map(Number);
  }

  /** The integer after the colon of a header line `label : value`. */
  headerValue(label: string, until: number): number {
    for (let i = 0; i < until; i++) {
      const line = this.text(i);
      const colon = line.indexOf(':');
      if (colon < 0 || !line.slice(0, colon).trim().startsWith(label)) continue;
      const value = /^\s*(\d+)/.exec(line.slice(colon + 1));
      if (!value?.[1]) this.fail(i, `"${label} : <number>"`);
      return Number(value[1]);
    }
    return this.fail(until, `a header line "${label} : <number>"`);
  }
}

/**
 * Parses a `.sm` file. `name` (e.g. `j301_1`) names the project.
 *
 * @example
 * const { project, instance } = readPsplib(readFileSync('j301_1.sm', 'utf8'), 'j301_1');
 * instance.mpmTime; // 38: the critical-path length, resources ignored
 */
export function readPsplib(text: string, name?: string): { project: Project; instance: PsplibInstance } {
  const lines = new Lines(text);
  const info = lines.find('PROJECT INFORMATION', 0);
  const jobCount = lines.headerValue('jobs', info);
  const horizon = lines.headerValue('horizon', info);
  if (jobCount < 2) lines.fail(0, 'at least 2 jobs (source and sink)');

  const infoValues = lines.integers(
    info + 2,
    'pronr. #jobs rel.date duedate tardcost MPM-Time (6 numbers)',
    6,
  );
  const [, , releaseDate = 0, dueDate = 0, tardinessCost = 0, mpmTime = 0] = infoValues;

  const precedence = lines.find('PRECEDENCE RELATIONS', info);
  const successors = readPrecedence(lines, precedence + 2, jobCount);

  const requestsAt = lines.find('REQUESTS/DURATIONS', precedence + 2 + jobCount);
  const kinds = resourceKinds(lines, requestsAt + 1);
  let row = requestsAt + 2;
  if (/^\s*-+\s*$/.test(lines.text(row))) row++;
  const jobs: PsplibJob[] = [];
  for (let n = 1; n <= jobCount; n++, row++) {
    const expected = `job ${n} of ${jobCount}: "jobnr. mode duration" and ${kinds.length} resource requests`;
    const values = lines.integers(row, expected, 3 + kinds.length);
    const [number, mode, duration = 0] = values;
    if (number !== n || values.length !== 3 + kinds.length) lines.fail(row, expected);
    if (mode !== 1) lines.fail(row, `mode 1 (multi-mode instances are not supported) for job ${n}`);
    jobs.push({ number: n, duration, successors: successors[n - 1] ?? [], requests: values.slice(3) });
  }

  const availability = lines.find('RESOURCEAVAILABILITIES', row);
  const capacities = lines.integers(availability + 2, `${kinds.length} resource capacities`, kinds.length);
  if (capacities.length !== kinds.length) lines.fail(availability + 2, `${kinds.length} resource capacities`);
  const resources: PsplibResource[] = kinds.map((k, i) => ({ ...k, capacity: capacities[i] ?? 0 }));

  const instance: PsplibInstance = {
    ...(name !== undefined ? { name } : {}),
    horizon,
    releaseDate,
    dueDate,
    tardinessCost,
    mpmTime,
    resources,
    jobs,
  };
  return { project: psplibToProject(instance, name), instance };
}

function readPrecedence(lines: Lines, first: number, jobCount: number): number[][] {
  const result: number[][] = [];
  for (let n = 1; n <= jobCount; n++) {
    const row = first + n - 1;
    const expected = `job ${n} of ${jobCount}: "jobnr. #modes #successors successors…"`;
    const values = lines.integers(row, expected, 3);
    const [number, , count] = values;
    if (number !== n || values.length !== 3 + (count ?? 0)) lines.fail(row, expected);
    const successors = values.slice(3);
    for (const s of successors) {
      if (s < 1 || s > jobCount)
        lines.fail(row, `successors of job ${n} among jobs 1..${jobCount} (${s} does not exist)`);
      if (s === n) lines.fail(row, `job ${n} not to be its own successor`);
    }
    result.push(successors);
  }
  return result;
}

/** Reads the resource columns of the REQUESTS/DURATIONS header: `R 1  R 2  N 1 …`. */
function resourceKinds(lines: Lines, index: number): Omit<PsplibResource, 'capacity'>[] {
  const header = lines.text(index);
  const at = header.indexOf('duration');
  if (at < 0) lines.fail(index, 'the column header "jobnr. mode duration R 1 R 2 …"');
  const columns = [...header.slice(at + 'duration'.length).matchAll(/([RND])\s*(\d+)/g)];
  return columns.map(([, kind = 'R', number]) => ({
    name: `${kind}${number}`,
    kind: KINDS[kind as keyof typeof KINDS],
  }));
}
