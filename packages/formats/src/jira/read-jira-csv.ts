/**
 * `readJiraCsv`: Jira's issue export ("Export → CSV (all fields)") into an `ImportedPlan` of scope
 * `tasks`. Jira's own headers are read (case-insensitively; repeated columns such as `Sprint`,
 * `Labels` and issue links kept in order):
 *
 * - Epics become summary items; stories, tasks and bugs go under their epic (`Parent` /
 *   `Parent id` in team-managed and newer projects, `Custom field (Epic Link)` in older ones);
 *   sub-tasks under their parent. Items are keyed by `Issue key`.
 * - `Sprint` (one column per sprint the issue was in, oldest first): the last is the issue's sprint;
 *   sprints an issue left are closed.
 * - `Outward issue link (Blocks)` (this issue blocks those) and `Inward issue link (Blocks)` (those
 *   block this one) become finish-to-start dependencies.
 * - `Original Estimate` (seconds) is the duration; without one an item takes an estimated day, as a
 *   new task does in MS Project. Story points, `Due Date` (deadline), `Assignee` (a resource,
 *   assigned 100%), priority, labels and status carry over; Jira's own values go in each task's
 *   `extra` (`jira.key`, `jira.type`, `jira.status`, …).
 *
 * Every problem is reported at once, at `line N, column Header`.
 */
import {
  DEFAULT_UNITS,
  type Assignment,
  type Link,
  type Project,
  type ProjectUnits,
  type Resource,
  type Task,
} from '@tandem/core';
import { FormatError, type FormatIssue } from '../format-error.ts';
import { CsvCells, readCsvTable } from '../csv/csv-table.ts';
import type { ImportedItem, ImportedPlan, ImportedSprint, ItemType } from '../interop/imported-plan.ts';
import { linkCycleIssues } from '../interop/link-cycles.ts';
import { parseJiraDate } from './jira-dates.ts';

export const JIRA_CSV_FORMAT = 'jira-csv';

export const JIRA_COLUMNS = {
  summary: ['summary'],
  key: ['issue key', 'key'],
  issueId: ['issue id'],
  type: ['issue type', 'issuetype'],
  status: ['status'],
  priority: ['priority'],
  assignee: ['assignee'],
  reporter: ['reporter'],
  created: ['created'],
  resolved: ['resolved'],
  dueDate: ['due date', 'due'],
  sprint: ['sprint', 'custom field (sprint)'],
  storyPoints: [
    'custom field (story points)',
    'custom field (story point estimate)',
    'story points',
    'story point estimate',
  ],
  parent: ['parent', 'parent id'],
  parentKey: ['parent key'],
  parentSummary: ['parent summary'],
  epicLink: ['custom field (epic link)', 'epic link'],
  blocks: ['outward issue link (blocks)'],
  blockedBy: ['inward issue link (blocks)'],
  labels: ['labels'],
  estimate: ['original estimate', 'original estimate (seconds)'],
  description: ['description'],
} as const;

/** Jira priorities → MS Project's 0..1000 (500 normal). */
const PRIORITY: Record<string, number> = {
  highest: 900,
  blocker: 1000,
  critical: 900,
  high: 700,
  major: 700,
  medium: 500,
  normal: 500,
  low: 300,
  minor: 300,
  lowest: 100,
  trivial: 100,
};

const DONE = /^(done|closed|resolved|complete|completed|released|won't do|cancelled|canceled)$/i;
const STARTED = /progress|review|test|develop|doing|qa|verif|block/i;

function itemType(jiraType: string): ItemType {
  const t = jiraType.toLowerCase().replace(/[\s-]/g, '');
  if (t === 'epic') return 'epic';
  if (t === 'story' || t === 'userstory') return 'story';
  if (t === 'subtask') return 'subtask';
  return 'task';
}

export interface JiraCsvOptions {
  units?: ProjectUnits;
  /** Time of day (minutes) for a due date without a time; default 17:00. */
  defaultFinishMinute?: number;
}

interface Issue {
  cells: CsvCells;
  task: Task;
  type: ItemType;
  parentRef: string;
  blocks: string[];
  blockedBy: string[];
  sprints: string[];
  assignee: string;
}

/**
 * @example
 * const { project, items, sprints } = readJiraCsv(readFileSync('jira.csv', 'utf8'));
 * items['BANK-12']; // { type: 'story', status: 'in_progress', sprint: 'BANK Sprint 3', labels: ['mobile'] }
 */
export function readJiraCsv(text: string, options: JiraCsvOptions = {}): ImportedPlan {
  const units = options.units ?? DEFAULT_UNITS;
  const finishMinute = options.defaultFinishMinute ?? 1020;
  const table = readCsvTable(text, JIRA_CSV_FORMAT, JIRA_COLUMNS);
  const issues: FormatIssue[] = [];
  for (const required of ['summary', 'key', 'type'] as const)
    if (!table.columns.has(required))
      issues.push({
        path: 'line 1',
        message: `no ${{ summary: 'Summary', key: 'Issue key', type: 'Issue Type' }[required]} column: is this a Jira issue export (CSV, all fields)?`,
      });
  if (issues.length > 0) throw FormatError.fromIssues(JIRA_CSV_FORMAT, issues);

  const list: Issue[] = [];
  const byKey = new Map<string, Issue>();
  const keyOfId = new Map<string, string>();
  for (const row of table.rows) {
    const cells = new CsvCells(table, row, issues);
    const issue = readIssue(cells, units, finishMinute);
    if (issue.task.id === '') continue;
    const earlier = byKey.get(issue.task.id);
    if (earlier)
      cells.bad('key', `duplicate issue key (also on line ${earlier.cells.row.line})`, issue.task.id);
    byKey.set(issue.task.id, issue);
    const id = cells.get('issueId');
    if (id !== '') keyOfId.set(id, issue.task.id);
    list.push(issue);
  }
  if (list.length === 0 && issues.length === 0)
    issues.push({ path: 'line 2', message: 'no issues: the file has a header but no rows' });

  const resolve = (ref: string) => (byKey.has(ref) ? ref : keyOfId.get(ref));
  for (const issue of list) {
    if (issue.parentRef === '') continue;
    const parent = resolve(issue.parentRef);
    const column =
      issue.cells.get('parent') !== ''
        ? 'parent'
        : issue.cells.get('parentKey') !== ''
          ? 'parentKey'
          : 'epicLink';
    if (parent === undefined)
      issue.cells.bad(
        column,
        `unknown parent "${issue.parentRef}": no issue in the file has that key or id`,
        issue.parentRef,
      );
    else if (parent === issue.task.id)
      issue.cells.bad(column, 'an issue cannot be its own parent', issue.parentRef);
    else issue.task.parentId = parent;
  }

  const links: Link[] = [];
  const linkWhere: string[] = [];
  const pairs = new Set<string>();
  const addLink = (issue: Issue, column: 'blocks' | 'blockedBy', other: string) => {
    const target = resolve(other);
    if (target === undefined) {
      issue.cells.bad(column, `unknown link target "${other}": no issue in the file has that key`, other);
      return;
    }
    const [from, to] = column === 'blocks' ? [issue.task.id, target] : [target, issue.task.id];
    if (from === to) return issue.cells.bad(column, 'an issue cannot block itself', other);
    if (pairs.has(`${from}\u0000${to}`)) return;
    pairs.add(`${from}\u0000${to}`);
    links.push({ predecessorId: from, successorId: to, type: 'FS' });
    linkWhere.push(issue.cells.where(column));
  };
  for (const issue of list) {
    for (const other of issue.blocks) addLink(issue, 'blocks', other);
    for (const other of issue.blockedBy) addLink(issue, 'blockedBy', other);
  }

  const tasks = outline(list);
  const resources = new Map<string, Resource>();
  const assignments: Assignment[] = [];
  const items: Record<string, ImportedItem> = {};
  const sprintState = new Map<string, ImportedSprint['status']>();
  for (const issue of list) {
    if (issue.assignee !== '') {
      if (!resources.has(issue.assignee))
        resources.set(issue.assignee, { id: issue.assignee, name: issue.assignee, type: 'work' });
      if (issue.type !== 'epic')
        assignments.push({ taskId: issue.task.id, resourceId: issue.assignee, units: 1 });
    }
    const status = jiraStatus(issue.cells.get('status'));
    const current = issue.sprints.at(-1);
    items[issue.task.id] = {
      type: issue.type,
      ...(status !== undefined ? { status } : {}),
      ...(current !== undefined ? { sprint: current } : {}),
      labels: issue.cells
        .all('labels')
        .flatMap((l) => l.split(/\s+/))
        .filter(Boolean),
    };
    issue.sprints.forEach((name, i) => {
      const state = i < issue.sprints.length - 1 ? 'closed' : 'planned';
      if (sprintState.get(name) !== 'closed') sprintState.set(name, state);
    });
  }
  const project: Project = {
    name: '',
    start: '',
    calendarId: 'standard',
    units,
    calendars: [],
    tasks,
    links,
    resources: [...resources.values()],
    assignments,
    baselines: [],
  };
  for (const issue of list)
    if (!tasks.includes(issue.task))
      issue.cells.bad(
        issue.cells.get('parent') !== '' ? 'parent' : 'epicLink',
        'the parents form a cycle (this issue is its own ancestor)',
        issue.parentRef,
      );
  if (issues.length === 0) issues.push(...linkCycleIssues(project, (_l, i) => linkWhere[i] ?? `links[${i}]`));
  if (issues.length > 0) throw FormatError.fromIssues(JIRA_CSV_FORMAT, issues);
  return {
    format: JIRA_CSV_FORMAT,
    scope: 'tasks',
    project,
    fields: [
      'name',
      'parentId',
      'duration',
      'deadline',
      'progress',
      'storyPoints',
      'priority',
      'notes',
      'extra',
    ],
    items,
    sprints: [...sprintState].map(([name, status]) => ({ name, status })),
    warnings: [],
  };
}

function jiraStatus(status: string): string | undefined {
  if (status === '') return undefined;
  if (DONE.test(status.trim())) return 'done';
  if (/^(to ?do|open|backlog|new|selected for development|reopened)$/i.test(status.trim())) return 'todo';
  if (STARTED.test(status)) return 'in_progress';
  return status
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function readIssue(cells: CsvCells, units: ProjectUnits, finishMinute: number): Issue {
  const key = cells.get('key');
  const summary = cells.get('summary');
  const jiraType = cells.get('type');
  if (key === '') cells.bad('key', 'an issue needs its Issue key');
  if (summary === '') cells.bad('summary', 'an issue needs a Summary');
  if (jiraType === '') cells.bad('type', 'an issue needs an Issue Type');
  const type = itemType(jiraType);
  const task: Task = {
    id: key,
    name: summary,
    duration: { minutes: units.minutesPerDay, unit: 'day', estimated: true },
  };
  const estimate = cells.get('estimate');
  if (estimate !== '') {
    const seconds = Number(estimate);
    if (!Number.isFinite(seconds) || seconds < 0)
      cells.bad(
        'estimate',
        'expected a number of seconds (Jira exports Original Estimate in seconds)',
        estimate,
      );
    else {
      const minutes = Math.round(seconds / 60);
      task.duration = { minutes, unit: minutes % units.minutesPerDay === 0 ? 'day' : 'hour' };
    }
  }
  const points = cells.get('storyPoints');
  if (points !== '') {
    const value = Number(points.replace(',', '.'));
    if (!Number.isFinite(value) || value < 0)
      cells.bad('storyPoints', 'expected a number of story points', points);
    else task.storyPoints = value;
  }
  const status = cells.get('status');
  if (DONE.test(status)) task.progress = { percentComplete: 100 };
  const priority = cells.get('priority');
  if (priority !== '' && PRIORITY[priority.toLowerCase()] !== undefined)
    task.priority = PRIORITY[priority.toLowerCase()];
  const due = cells.get('dueDate');
  if (due !== '') {
    const date = parseJiraDate(due, finishMinute);
    if (date === undefined)
      cells.bad('dueDate', 'expected a date such as 12/Jan/26, 12/Jan/26 5:00 PM or 2026-01-12', due);
    else task.deadline = date;
  }
  const extra: Record<string, string> = { 'jira.key': key, 'jira.type': jiraType };
  for (const [column, name] of [
    ['status', 'jira.status'],
    ['priority', 'jira.priority'],
    ['reporter', 'jira.reporter'],
    ['created', 'jira.created'],
    ['resolved', 'jira.resolved'],
    ['issueId', 'jira.id'],
  ] as const) {
    const value = cells.get(column);
    if (value === '') continue;
    if ((column === 'created' || column === 'resolved') && parseJiraDate(value, 0) === undefined)
      cells.bad(column, 'expected a date such as 12/Jan/26 9:30 AM or 2026-01-12 09:30', value);
    extra[name] = value;
  }
  task.extra = extra;
  const description = cells.get('description');
  if (description !== '') task.notes = description;
  const parentRef = cells.get('parent') || cells.get('parentKey') || cells.get('epicLink');
  return {
    cells,
    task,
    type,
    parentRef,
    blocks: cells.all('blocks'),
    blockedBy: cells.all('blockedBy'),
    sprints: cells.all('sprint'),
    assignee: cells.get('assignee'),
  };
}

/** Parents before children (epics, then their stories, then sub-tasks), siblings in file order. */
function outline(list: Issue[]): Task[] {
  const children = new Map<string | undefined, Issue[]>();
  for (const issue of list) {
    const parent = issue.task.parentId;
    children.set(parent, [...(children.get(parent) ?? []), issue]);
  }
  const ordered: Task[] = [];
  const visit = (parent: string | undefined) => {
    for (const issue of children.get(parent) ?? []) {
      ordered.push(issue.task);
      visit(issue.task.id);
    }
  };
  visit(undefined);
  return ordered;
}
