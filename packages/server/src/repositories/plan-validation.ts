/**
 * What a `Project` must satisfy before it is stored: unique ids, and every reference naming
 * something in the plan. All problems are reported at once, with paths (`tasks[3].parentId`), so an
 * import either goes in whole or tells the user everything to fix.
 */
import type { Project } from '@tandem/core';
import type { ValidationIssue } from './errors.ts';

export function planIssues(project: Project): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });

  const uniqueIds = (list: { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (typeof x.id !== 'string' || x.id === '') issue(`${name}[${i}].id`, 'must be a non-empty string');
      else if (seen.has(x.id)) issue(`${name}[${i}].id`, `duplicate id "${x.id}"`);
      seen.add(x.id);
    });
    return seen;
  };
  const calendars = uniqueIds(project.calendars, 'calendars');
  const resources = uniqueIds(project.resources, 'resources');
  const tasks = uniqueIds(project.tasks, 'tasks');

  if (!calendars.has(project.calendarId)) issue('calendarId', `unknown calendar "${project.calendarId}"`);

  project.calendars.forEach((c, i) => {
    if (c.baseCalendarId !== undefined && !calendars.has(c.baseCalendarId))
      issue(`calendars[${i}].baseCalendarId`, `unknown calendar "${c.baseCalendarId}"`);
    if (c.resourceId !== undefined && !resources.has(c.resourceId))
      issue(`calendars[${i}].resourceId`, `unknown resource "${c.resourceId}"`);
  });
  const bases = new Map(project.calendars.map((c) => [c.id, c.baseCalendarId]));
  project.calendars.forEach((c, i) => {
    const seen = new Set<string>([c.id]);
    for (let b = c.baseCalendarId; b !== undefined; b = bases.get(b)) {
      if (seen.has(b)) {
        issue(`calendars[${i}].baseCalendarId`, `calendar "${c.id}" derives from itself`);
        break;
      }
      seen.add(b);
    }
  });

  project.resources.forEach((r, i) => {
    if (r.calendarId !== undefined && !calendars.has(r.calendarId))
      issue(`resources[${i}].calendarId`, `unknown calendar "${r.calendarId}"`);
  });

  const before = new Set<string>();
  project.tasks.forEach((t, i) => {
    if (t.parentId !== undefined && !before.has(t.parentId))
      issue(
        `tasks[${i}].parentId`,
        tasks.has(t.parentId)
          ? `parent "${t.parentId}" must come before its children (outline order)`
          : `unknown task "${t.parentId}"`,
      );
    if (t.calendarId !== undefined && !calendars.has(t.calendarId))
      issue(`tasks[${i}].calendarId`, `unknown calendar "${t.calendarId}"`);
    if (!Number.isFinite(t.duration?.minutes)) issue(`tasks[${i}].duration.minutes`, 'must be a number');
    before.add(t.id);
  });

  const pairs = new Set<string>();
  project.links.forEach((l, i) => {
    if (!tasks.has(l.predecessorId)) issue(`links[${i}].predecessorId`, `unknown task "${l.predecessorId}"`);
    if (!tasks.has(l.successorId)) issue(`links[${i}].successorId`, `unknown task "${l.successorId}"`);
    if (l.predecessorId === l.successorId)
      issue(`links[${i}]`, `task "${l.successorId}" cannot follow itself`);
    const pair = `${l.predecessorId}\u0000${l.successorId}`;
    if (pairs.has(pair))
      issue(`links[${i}]`, `"${l.successorId}" already has a link from "${l.predecessorId}"`);
    pairs.add(pair);
  });

  project.assignments.forEach((a, i) => {
    if (!tasks.has(a.taskId)) issue(`assignments[${i}].taskId`, `unknown task "${a.taskId}"`);
    if (!resources.has(a.resourceId))
      issue(`assignments[${i}].resourceId`, `unknown resource "${a.resourceId}"`);
  });

  const baselineNames = new Set<string>();
  project.baselines.forEach((b, i) => {
    if (baselineNames.has(b.name)) issue(`baselines[${i}].name`, `duplicate baseline "${b.name}"`);
    baselineNames.add(b.name);
    for (const key of Object.keys(b.tasks))
      if (!tasks.has(key)) issue(`baselines[${i}].tasks.${key}`, `unknown task "${key}"`);
  });

  uniqueIds(project.risks ?? [], 'risks');
  (project.risks ?? []).forEach((r, i) =>
    r.taskIds.forEach((k, j) => {
      if (!tasks.has(k)) issue(`risks[${i}].taskIds[${j}]`, `unknown task "${k}"`);
    }),
  );
  (project.correlations ?? []).forEach((c, i) =>
    c.taskIds.forEach((k, j) => {
      if (!tasks.has(k)) issue(`correlations[${i}].taskIds[${j}]`, `unknown task "${k}"`);
    }),
  );
  return issues;
}
