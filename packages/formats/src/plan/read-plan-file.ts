/**
 * Reads a Tandem plan file (YAML or JSON; the format is described in docs/plan-file.md). Every problem
 * in the file is reported at once, in one `FormatError` whose issues name their paths.
 */
import type { Project } from '@tandem/core';
import { FormatError } from '../format-error.ts';
import {
  type PlanFormatIssue,
  type PlanIssue,
  formatPath,
  fromZodIssues,
  toFormatIssue,
} from './plan-issues.ts';
import { checkReferences } from './plan-references.ts';
import { planSchema } from './plan-schema.ts';
import { type PlanFormat, type PlanSource, parsePlanSource } from './plan-source.ts';
import { planToProject } from './plan-to-project.ts';

/** At most this many problems are spelled out in the message; `issues` holds them all. */
const MAX_LISTED = 25;

/**
 * @example
 * const project = readPlanFile(readFileSync('plan.yaml', 'utf8'), 'yaml');
 */
export function readPlanFile(text: string, format: PlanFormat): Project {
  const source = parsePlanSource(text, format);
  const parsed = planSchema.safeParse(source.data, { reportInput: true });
  const issues = [
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues)),
    ...checkReferences(source.data),
  ];
  if (issues.length > 0 || !parsed.success) throw planError(issues, source);
  return planToProject(parsed.data);
}

function planError(issues: PlanIssue[], source: PlanSource): FormatError {
  const seen = new Set<string>();
  const located = issues
    .map((issue, order) => ({ issue, order, at: source.positionOf(issue.path) }))
    .filter(({ issue }) => {
      const key = `${formatPath(issue.path)}\u0000${issue.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => (a.at?.offset ?? Infinity) - (b.at?.offset ?? Infinity) || a.order - b.order);
  const formatted: PlanFormatIssue[] = located.map(({ issue, at }) => toFormatIssue(issue, at?.line));
  const lines = formatted.slice(0, MAX_LISTED).map(describe);
  if (formatted.length > MAX_LISTED) lines.push(`… and ${formatted.length - MAX_LISTED} more`);
  const first = formatted[0] ?? { path: '(file)', message: 'invalid plan file' };
  const message =
    formatted.length === 1
      ? describe(first)
      : [`${formatted.length} problems in the plan file:`, ...lines.map((l) => `  ${l}`)].join('\n');
  return new FormatError({
    format: 'plan',
    path: first.path,
    value: first.value,
    message,
    issues: formatted,
  });
}

/** `tasks[3].duration (line 12): expected a duration such as 5d …; found "5x"` */
function describe(issue: PlanFormatIssue): string {
  const line = issue.line !== undefined ? ` (line ${issue.line})` : '';
  const found = issue.value === undefined ? '' : `; found ${short(issue.value)}`;
  return `${issue.path}${line}: ${issue.message}${found}`;
}

function short(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}
