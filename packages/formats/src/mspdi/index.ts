// Public surface of the MSPDI (Microsoft Project XML) format.
export { readMspdi } from './mspdi-reader.ts';
export { writeMspdi } from './mspdi-writer.ts';
export type { MspdiComputed, MspdiReadResult, ScheduleLike, ScheduledTaskLike } from './mspdi-types.ts';
