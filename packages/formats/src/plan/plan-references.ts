/**
 * Cross-references of a plan file: duplicate ids, links to unknown tasks, unknown calendars and
 * resources, parent cycles. Works on the raw parsed data, skipping whatever is malformed (the schema
 * reports that), so that every problem in a file is reported in one go.
 */
import type { PathSegment, PlanIssue } from './plan-issues.ts';
import { formatPath } from './plan-issues.ts';
import { parseId, parseLinkText } from './plan-schema.ts';
import { Problem } from './plan-values.ts';

/** The calendar every plan may use without defining it: MS Project's Standard (8–12, 13–17, Mon–Fri). */
export const BUILT_IN_CALENDAR = 'standard';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const idOf = (v: unknown): string | undefined => {
  const id = parseId(v);
  return id instanceof Problem ? undefined : id;
};

interface RawTask {
  raw: Raw;
  path: PathSegment[];
  id?: string;
  /** The task this one is nested under with `children:`. */
  nestedIn?: string;
}

export function checkReferences(data: unknown): PlanIssue[] {
  if (!isObject(data)) return [];
  const issues: PlanIssue[] = [];
  const add = (path: PathSegment[], message: string, value?: unknown) =>
    issues.push({ path, message, ...(value !== undefined ? { value } : {}) });

  const calendars = indexIds(list(data.calendars), ['calendars'], add);
  const resources = indexIds(list(data.resources), ['resources'], add);
  const rawTasks: RawTask[] = [];
  collectTasks(list(data.tasks), ['tasks'], undefined, rawTasks);
  const tasks = indexIds(
    rawTasks.map((t) => t.raw),
    [],
    add,
    rawTasks.map((t) => t.path),
  );

  const known =
    (ids: Map<string, PathSegment[]>, what: string, builtIn?: string) =>
    (value: unknown, path: PathSegment[]) => {
      const id = idOf(value);
      if (id === undefined || ids.has(id) || id === builtIn) return;
      add(
        path,
        `unknown ${what} "${id}"${suggest(id, [...ids.keys(), ...(builtIn ? [builtIn] : [])])}`,
        value,
      );
    };
  const knownCalendar = known(calendars, 'calendar', BUILT_IN_CALENDAR);
  const knownResource = known(resources, 'resource');
  const knownTask = known(tasks, 'task');

  if (isObject(data.project)) knownCalendar(data.project.calendar, ['project', 'calendar']);
  checkCalendarBases(list(data.calendars), knownCalendar, add);
  list(data.calendars).forEach(
    (c, i) => isObject(c) && knownResource(c.resource, ['calendars', i, 'resource']),
  );
  list(data.resources).forEach(
    (r, i) => isObject(r) && knownCalendar(r.calendar, ['resources', i, 'calendar']),
  );

  const parents = new Set(rawTasks.flatMap((t) => [t.nestedIn, idOf(t.raw.parent)]));
  for (const task of rawTasks) {
    const { raw, path } = task;
    const summary = list(raw.children).length > 0 || (task.id !== undefined && parents.has(task.id));
    if (raw.duration === undefined && raw.milestone !== true && !summary)
      add(
        [...path, 'duration'],
        'required for a task without children: a duration such as 5d, or 0 for a milestone',
      );
    knownCalendar(raw.calendar, [...path, 'calendar']);
    checkParent(task, knownTask, add);
    const predecessors = new Set<string>();
    list(raw.after).forEach((item, i) => {
      const short = typeof item === 'string' || typeof item === 'number';
      const link = short ? parseLinkText(item) : undefined;
      const target =
        link instanceof Problem
          ? undefined
          : short
            ? link?.task
            : isObject(item)
              ? idOf(item.task)
              : undefined;
      const at = short ? [...path, 'after', i] : [...path, 'after', i, 'task'];
      if (target === undefined) return;
      if (target === task.id) return add(at, 'a task cannot come after itself', item);
      if (predecessors.has(target)) return add(at, `duplicate link: "${target}" is already listed`, item);
      predecessors.add(target);
      knownTask(target, at);
    });
    const assigned = new Set<string>();
    list(raw.resources).forEach((item, i) => {
      const short = !isObject(item);
      const id = idOf(short ? item : item.id);
      const at = short ? [...path, 'resources', i] : [...path, 'resources', i, 'id'];
      if (id === undefined) return;
      if (assigned.has(id)) return add(at, `duplicate assignment: "${id}" is already assigned`, id);
      assigned.add(id);
      knownResource(id, at);
    });
  }
  checkParentCycles(rawTasks, tasks, add);
  list(data.risks).forEach((r, i) => {
    if (isObject(r)) list(r.tasks).forEach((t, k) => knownTask(t, ['risks', i, 'tasks', k]));
  });
  indexIds(list(data.risks), ['risks'], add);
  list(data.correlations).forEach((c, i) => {
    if (isObject(c)) list(c.tasks).forEach((t, k) => knownTask(t, ['correlations', i, 'tasks', k]));
  });
  return issues;
}

function collectTasks(items: unknown[], path: PathSegment[], nestedIn: string | undefined, out: RawTask[]) {
  items.forEach((raw, i) => {
    if (!isObject(raw)) return;
    const id = idOf(raw.id);
    const at = [...path, i];
    out.push({
      raw,
      path: at,
      ...(id !== undefined ? { id } : {}),
      ...(nestedIn !== undefined ? { nestedIn } : {}),
    });
    collectTasks(list(raw.children), [...at, 'children'], id, out);
  });
}

type Add = (path: PathSegment[], message: string, value?: unknown) => void;

/** Maps each id to where it is defined; reports the second definition of an id. */
function indexIds(items: unknown[], path: PathSegment[], add: Add, paths?: PathSegment[][]) {
  const ids = new Map<string, PathSegment[]>();
  items.forEach((item, i) => {
    if (!isObject(item)) return;
    const id = idOf(item.id);
    if (id === undefined) return;
    const at = paths?.[i] ?? [...path, i];
    const first = ids.get(id);
    if (first) add([...at, 'id'], `duplicate id "${id}": ${formatPath(first)} already has it`, item.id);
    else ids.set(id, at);
  });
  return ids;
}

function checkCalendarBases(
  items: unknown[],
  knownCalendar: (v: unknown, p: PathSegment[]) => void,
  add: Add,
) {
  const base = new Map<string, string>();
  items.forEach((c, i) => {
    if (!isObject(c)) return;
    knownCalendar(c.base, ['calendars', i, 'base']);
    const id = idOf(c.id);
    const b = idOf(c.base);
    if (id !== undefined && b !== undefined) base.set(id, b);
  });
  items.forEach((c, i) => {
    const id = isObject(c) ? idOf(c.id) : undefined;
    if (id === undefined || !base.has(id)) return;
    const seen = new Set<string>([id]);
    for (let at = base.get(id); at !== undefined; at = base.get(at)) {
      if (at === id)
        return add(['calendars', i, 'base'], `calendar "${id}" derives from itself`, base.get(id));
      if (seen.has(at)) return;
      seen.add(at);
    }
  });
}

function checkParent(task: RawTask, knownTask: (v: unknown, p: PathSegment[]) => void, add: Add) {
  const parent = idOf(task.raw.parent);
  if (parent === undefined) return;
  const at = [...task.path, 'parent'];
  if (task.nestedIn !== undefined && parent !== task.nestedIn)
    return add(
      at,
      `the task is nested under "${task.nestedIn}" but names "${parent}" as its parent`,
      task.raw.parent,
    );
  if (parent === task.id) return add(at, 'a task cannot be its own parent', task.raw.parent);
  knownTask(parent, at);
}

function checkParentCycles(rawTasks: RawTask[], tasks: Map<string, PathSegment[]>, add: Add) {
  const parentOf = new Map<string, string>();
  for (const t of rawTasks) {
    const parent = t.nestedIn ?? idOf(t.raw.parent);
    if (t.id !== undefined && parent !== undefined && tasks.has(parent) && parent !== t.id)
      parentOf.set(t.id, parent);
  }
  const reported = new Set<string>();
  for (const t of rawTasks) {
    if (t.id === undefined || t.nestedIn !== undefined || !parentOf.has(t.id)) continue;
    const chain = [t.id];
    for (let p = parentOf.get(t.id); p !== undefined; p = parentOf.get(p)) {
      if (p === t.id) {
        if (!chain.some((id) => reported.has(id)))
          add([...t.path, 'parent'], `parent cycle: ${[...chain, t.id].join(' → ')}`, t.raw.parent);
        chain.forEach((id) => reported.add(id));
        break;
      }
      if (chain.includes(p)) break;
      chain.push(p);
    }
  }
}

/** `; did you mean "design"?` when one known id is close to the unknown one. */
function suggest(id: string, candidates: string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(id.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(id.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined ? `; did you mean "${best}"?` : '';
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}
