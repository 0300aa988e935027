/**
 * What an import produces: the plan (a core `Project`) plus what the team's side of the work items
 * holds and a plan does not — the agile type, workflow status, sprint and labels — and the sprints
 * to create. MSPDI and plan files give a whole plan (`scope: 'plan'`); CSV and Jira give a task list
 * (`scope: 'tasks'`) that goes into the project's existing calendars and settings (`mergeTaskList`).
 */
import type { Project, Task } from '@tandem/core';

export const ITEM_TYPES = ['summary', 'task', 'milestone', 'epic', 'story', 'subtask'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** The team's columns of one work item (by task id); absent fields are left as they are. */
export interface ImportedItem {
  type?: ItemType;
  /** Workflow status: `todo`, `in_progress`, `done` or any other the team uses. */
  status?: string;
  /** The sprint (by name) the item is in now. */
  sprint?: string;
  labels?: string[];
}

export interface ImportedSprint {
  name: string;
  status: 'planned' | 'active' | 'closed';
}

export interface ImportedPlan {
  format: string;
  /** `plan`: replaces the whole plan; `tasks`: tasks, links and assignments into the project's settings. */
  scope: 'plan' | 'tasks';
  project: Project;
  /** Scope `tasks`: the task fields the file describes (the rest of a matched task is kept). */
  fields?: readonly (keyof Task)[];
  items: Record<string, ImportedItem>;
  sprints: ImportedSprint[];
  /** Tolerated oddities, each naming where. */
  warnings: string[];
}
