// Public surface of the Tandem task CSV (docs/csv.md) and Jira's issue CSV.
export { readTaskCsv } from './read-task-csv.ts';
export type { TaskCsvOptions } from './read-task-csv.ts';
export { writeTaskCsv } from './write-task-csv.ts';
export type { TaskCsvWriteOptions } from './write-task-csv.ts';
export { TASK_CSV_HEADER } from './task-csv-columns.ts';
export { readJiraCsv } from '../jira/read-jira-csv.ts';
export type { JiraCsvOptions } from '../jira/read-jira-csv.ts';
