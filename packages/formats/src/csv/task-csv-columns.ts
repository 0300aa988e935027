/**
 * The columns of a Tandem task CSV (docs/csv.md), in the order `writeTaskCsv` writes them, with the
 * header texts `readTaskCsv` accepts for each (case and spacing ignored) — MS Project's, ProjectLibre's
 * and common spreadsheet names.
 */
export const TASK_CSV_COLUMNS = {
  id: ['id', 'key', 'task id', 'unique id', 'uid'],
  outlineLevel: ['outline level', 'level'],
  parent: ['parent', 'parent id', 'parent key'],
  wbs: ['wbs', 'outline number'],
  name: ['name', 'task name', 'title'],
  kind: ['kind', 'type', 'item type'],
  milestone: ['milestone'],
  duration: ['duration'],
  start: ['start', 'start date'],
  finish: ['finish', 'finish date', 'end', 'end date'],
  constraintType: ['constraint type', 'constraint'],
  constraintDate: ['constraint date'],
  deadline: ['deadline', 'due date', 'due'],
  predecessors: ['predecessors', 'predecessor', 'depends on'],
  resources: ['resource names', 'resources', 'resource'],
  percentComplete: ['% complete', 'percent complete', 'complete', '%'],
  status: ['status'],
  storyPoints: ['story points', 'points'],
  sprint: ['sprint'],
  labels: ['labels', 'label', 'tags'],
  notes: ['notes', 'description'],
} as const satisfies Record<string, readonly string[]>;

/** The header `writeTaskCsv` writes. */
export const TASK_CSV_HEADER = [
  'ID',
  'Outline Level',
  'WBS',
  'Name',
  'Kind',
  'Duration',
  'Start',
  'Finish',
  'Constraint Type',
  'Constraint Date',
  'Deadline',
  'Predecessors',
  'Resource Names',
  '% Complete',
  'Status',
  'Story Points',
  'Sprint',
  'Labels',
  'Notes',
] as const;
