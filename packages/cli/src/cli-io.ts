/** Where the CLI writes and what it knows of its environment: the real process, or a test's buffers. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env?: Record<string, string | undefined>;
  /** Relative file names are resolved against this; default `process.cwd()`. */
  cwd?: string;
  /** Read by `--password-stdin` and `tandem restore -`; default `process.stdin`. */
  stdin?: AsyncIterable<string | Uint8Array>;
  /** Stops `tandem serve` (tests); by default it stops on SIGINT or SIGTERM. */
  signal?: AbortSignal;
}

/** Exit codes: 0 success, 1 an internal error (a bug), 2 a user error (bad input, usage). */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USER = 2;
