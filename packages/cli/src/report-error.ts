/**
 * Turns what went wrong into one message for stderr and an exit code: 2 for problems with the input
 * (the user can fix them; no stack trace), 1 for anything else (a bug; the stack helps us).
 */
import { CycleError, DateFormatError, ScheduleError } from '@tandem/core';
import { EXIT_INTERNAL, EXIT_USER } from './cli-io.ts';
import { FormatError } from '@tandem/formats';
import { UserError } from './user-error.ts';

const FORMAT_NAMES: Record<string, string> = {
  plan: 'a Tandem plan file',
  mspdi: 'an MS Project XML file',
  psplib: 'a PSPLIB file',
};

export function reportError(error: unknown, file?: string): { message: string; exitCode: number } {
  const where = file !== undefined ? ` ${file}` : '';
  if (error instanceof UserError) return user(error.message);
  if (error instanceof FormatError) {
    const kind = FORMAT_NAMES[error.format] ?? `a ${error.format} file`;
    const body = error.message.includes('\n') ? `\n${indent(error.message)}` : ` ${error.message}`;
    return user(`cannot read${where} as ${kind}:${body}`);
  }
  if (error instanceof CycleError) {
    const cycle = [...error.taskIds, error.taskIds[0]]
      .map((id, i) => {
        const name = error.names[i % error.names.length] ?? id;
        return name === id ? id : `${name} (${id})`;
      })
      .join(' → ');
    return user(
      `cannot schedule${where}: its links form a cycle, so no task on it can start first: ${cycle}. ` +
        'Remove or reverse one of these links.',
    );
  }
  if (error instanceof ScheduleError) return user(`cannot schedule${where}: ${error.message}`);
  if (error instanceof DateFormatError) return user(error.message);
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    message: `tandem: internal error${file !== undefined ? ` while working on ${file}` : ''} — this is a bug in Tandem; please report it with the file that caused it.\n${detail}\n`,
    exitCode: EXIT_INTERNAL,
  };
}

const user = (message: string) => ({ message: `tandem: ${message}\n`, exitCode: EXIT_USER });
const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => (l.startsWith('  ') ? l : `  ${l}`))
    .join('\n');
