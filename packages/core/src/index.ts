// Public surface of @tandem/core: the pure model, calendars and scheduling. No I/O.
export * from './model/project.ts';
export * from './model/duration.ts';
export * from './model/calendar.ts';
export * from './time/local-time.ts';
export * from './calendar/working-time.ts';
export * from './schedule/schedule-result.ts';
export * from './schedule/schedule-errors.ts';
export * from './schedule/schedule-project.ts';
export * from './schedule/prepared-schedule.ts';
export * from './schedule/schedule-json.ts';
export * from './analytics/evm/index.ts';
export * from './analytics/agile/index.ts';
export * from './analytics/risk/index.ts';
export * from './analytics/levelling/index.ts';
export * from './advisor/index.ts';
export * from './governance/index.ts';
export * from './analytics/dora/index.ts';
