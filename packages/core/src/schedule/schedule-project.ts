import type { Project } from '../model/project.ts';
import type { Schedule } from './schedule-result.ts';

export interface ScheduleOptions {
  /** Overrides the project's status date (`YYYY-MM-DDTHH:mm:ss`). */
  statusDate?: string;
}

/**
 * Schedules a project the way Microsoft Project does (forward and backward pass over the calendar).
 * Throws `CycleError` for dependency cycles and `ScheduleError` for other invalid input.
 */
export function scheduleProject(_project: Project, _options: ScheduleOptions = {}): Schedule {
  throw new Error('scheduleProject: being written (issue 2)');
}
