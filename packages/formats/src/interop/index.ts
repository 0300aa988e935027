// Public surface of imports and exports: one reader for every importable file, the task-list merge.
export { decodeText } from './decode-text.ts';
export { IMPORT_FORMATS, importFormatOf, readImportFile } from './read-import-file.ts';
export type { ImportFormat, ImportOptions } from './read-import-file.ts';
export { ITEM_TYPES } from './imported-plan.ts';
export type { ImportedItem, ImportedPlan, ImportedSprint, ItemType } from './imported-plan.ts';
export { linkCycleIssues } from './link-cycles.ts';
export { mergeTaskList } from './merge-task-list.ts';
