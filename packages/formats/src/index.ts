// Public surface of @tandem/formats: file formats as pure functions (string in, model out, and back).
export { FormatError, describeIssue } from './format-error.ts';
export type { FormatIssue } from './format-error.ts';
export * from './mspdi/index.ts';
export * from './psplib/index.ts';
export * from './plan/index.ts';
export * from './csv/throughput-csv.ts';
export * from './levelling/index.ts';
export * from './csv/task-csv.ts';
export * from './interop/index.ts';
export * from './ical/index.ts';
export * from './report/index.ts';
export * from './signals/index.ts';
export * from './advisor/index.ts';
