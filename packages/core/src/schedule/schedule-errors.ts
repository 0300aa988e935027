/** Typed errors of the scheduler: callers catch what they recognise and rethrow the rest. */

export class ScheduleError extends Error {
  constructor(
    readonly code: 'CYCLE' | 'UNKNOWN_TASK' | 'UNKNOWN_CALENDAR' | 'DATE_OUT_OF_RANGE' | 'INVALID',
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleError';
  }
}

/** A dependency cycle; `taskIds` lists the tasks on it in link order, `names` their names. */
export class CycleError extends ScheduleError {
  constructor(
    readonly taskIds: string[],
    readonly names: string[],
  ) {
    super(
      'CYCLE',
      `Dependency cycle: ${names.map((n, i) => `${n} (${taskIds[i]})`).join(' → ')} → ${names[0]} (${taskIds[0]})`,
    );
    this.name = 'CycleError';
  }
}
