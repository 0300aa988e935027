// Public surface of @tandem/cli: the `tandem` command, callable in-process.
export { main, version } from './main.ts';
export type { CliIo } from './cli-io.ts';
export { EXIT_INTERNAL, EXIT_OK, EXIT_USER } from './cli-io.ts';
