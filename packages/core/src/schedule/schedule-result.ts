/** What the scheduler computes for a project. All times are local minutes (see time/local-time.ts). */
import type { Minutes } from '../time/local-time.ts';

export interface ScheduledTask {
  id: string;
  /** Index of the task in `project.tasks`. */
  index: number;
  summary: boolean;
  milestone: boolean;
  /** Current (scheduled) dates: early dates for ASAP tasks, actuals where progress says so. */
  start: Minutes;
  finish: Minutes;
  earlyStart: Minutes;
  earlyFinish: Minutes;
  lateStart: Minutes;
  lateFinish: Minutes;
  /**
   * Working minutes on the task's calendar (24/7 for elapsed durations); negative when a constraint or
   * deadline cannot be met.
   */
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
  /** The predecessor (task id) whose link set the early start, if any. */
  drivingPredecessorId?: string | undefined;
  /** Working minutes of duration (summaries: rolled up). */
  durationMinutes: number;
  /** Deadline missed, constraint conflicts etc. Shared when empty: do not mutate. */
  warnings: readonly string[];
}

export interface Schedule {
  projectStart: Minutes;
  projectFinish: Minutes;
  /** In the order of `project.tasks`. */
  tasks: ScheduledTask[];
  /** Critical non-summary tasks from project start to finish, in schedule order. */
  criticalPath: string[];
}
