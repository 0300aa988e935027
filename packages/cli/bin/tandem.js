#!/usr/bin/env node
// The `tandem` command. Tandem runs its TypeScript sources directly: tsx compiles them as they load.
import { register } from 'tsx/esm/api';

register();

// `tandem demo | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
