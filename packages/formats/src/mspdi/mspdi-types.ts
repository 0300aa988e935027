/** The public shapes of the MSPDI reader's result and of the schedule the writer can include. */
import type { LocalDateTime, Minutes, Project, ScheduledTask } from '@tandem/core';

/** Microsoft Project's own computed values for one task (or the project summary, id "0"). */
export interface MspdiComputed {
  summary: boolean;
  milestone: boolean;
  critical: boolean;
  start: LocalDateTime;
  finish: LocalDateTime;
  earlyStart?: LocalDateTime;
  earlyFinish?: LocalDateTime;
  lateStart?: LocalDateTime;
  lateFinish?: LocalDateTime;
  /** Working minutes (MSPDI stores tenths of a minute). */
  totalSlackMinutes?: number;
  freeSlackMinutes?: number;
  durationMinutes?: number;
}

export interface MspdiReadResult {
  project: Project;
  /** Microsoft Project's own computed values, keyed by task id (UID as string): the oracle for our scheduler. */
  computed: Map<string, MspdiComputed>;
  /** Tolerated oddities, each naming element path and value. */
  warnings: string[];
}

/** The scheduled values `writeMspdi` writes for a task; a core `ScheduledTask` has them all. */
export type ScheduledTaskLike = Pick<
  ScheduledTask,
  | 'id'
  | 'start'
  | 'finish'
  | 'earlyStart'
  | 'earlyFinish'
  | 'lateStart'
  | 'lateFinish'
  | 'totalFloat'
  | 'freeFloat'
  | 'critical'
>;

/** What `writeMspdi` needs of a schedule; a core `Schedule` is one. Times are local `Minutes`. */
export interface ScheduleLike {
  projectStart: Minutes;
  projectFinish: Minutes;
  tasks: readonly ScheduledTaskLike[];
}
