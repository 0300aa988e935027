// The file formats the CLI reads, in one place.
// Until @tandem/formats's index.ts lists them, they come from the per-format surfaces of that package.
export { FormatError } from '../../formats/src/format-error.ts';
export { readMspdi } from '../../formats/src/mspdi/index.ts';
export { readPlanFile } from '../../formats/src/plan/index.ts';
export { PSPLIB_PERIOD_MINUTES, readPsplib } from '../../formats/src/psplib/index.ts';
export type { PsplibInstance } from '../../formats/src/psplib/index.ts';
