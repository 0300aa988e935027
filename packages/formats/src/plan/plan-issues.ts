/**
 * Problems in a plan file, named by path (`tasks[3].after[0].lag`) with the value found and what was
 * expected; zod's issues are turned into these, unions resolved to the alternative the user meant.
 */
import type { z } from 'zod';
import type { FormatIssue } from '../format-error.ts';

export type PathSegment = string | number;

/** `['tasks', 3, 'after', 0, 'lag']` → `tasks[3].after[0].lag`; odd keys are quoted: `tasks["a b"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** An issue with its path still as segments, so a line number can be looked up for it. */
export interface PlanIssue {
  path: PathSegment[];
  message: string;
  value?: unknown;
}

/** A `FormatIssue` that also says where in the file it is. */
export interface PlanFormatIssue extends FormatIssue {
  line?: number;
}

export function toFormatIssue(issue: PlanIssue, line?: number): PlanFormatIssue {
  return {
    path: formatPath(issue.path) || '(file)',
    message: issue.message,
    ...(issue.value !== undefined ? { value: issue.value } : {}),
    ...(line !== undefined ? { line } : {}),
  };
}

type ZodIssue = z.core.$ZodIssue;

/** Flattens zod's issues: one per unknown key, unions resolved to the branch that fits the input. */
export function fromZodIssues(issues: readonly ZodIssue[], prefix: PathSegment[] = []): PlanIssue[] {
  return issues.flatMap((issue): PlanIssue[] => {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    const input = 'input' in issue ? issue.input : undefined;
    if (issue.code === 'unrecognized_keys') {
      const object = (input ?? {}) as Record<string, unknown>;
      return issue.keys.map((key) => ({ path: [...path, key], message: issue.message, value: object[key] }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = bestBranch(issue.errors);
      if (best) return fromZodIssues(best, path);
    }
    if (input === undefined && issue.code === 'invalid_type') {
      return [
        {
          path,
          message: issue.message.startsWith('required')
            ? issue.message
            : `required: ${expected(issue.message)}`,
        },
      ];
    }
    const showValue = input !== undefined && !issue.message.startsWith('required');
    return [{ path, message: issue.message, ...(showValue ? { value: input } : {}) }];
  });
}

const expected = (message: string) => message.replace(/^expected /, '');

/**
 * The union branch the user most likely meant: not one that failed on the kind of value (a string
 * where a mapping was wanted), and preferably one that got past the top level.
 */
function bestBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  let best: readonly ZodIssue[] | undefined;
  let bestScore = 0;
  for (const branch of branches) {
    const wrongKind = branch.some((i) => i.path.length === 0 && i.code === 'invalid_type');
    const deeper = branch.some((i) => i.path.length > 0);
    const score = wrongKind ? 0 : deeper ? 2 : 1;
    if (score > bestScore) [best, bestScore] = [branch, score];
  }
  return best;
}
