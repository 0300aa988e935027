/**
 * Finds the baseline an analysis runs against. MS Project names its baselines "Baseline" (stored as
 * `0`) and "Baseline1".."Baseline10" (`1`..`10`); either spelling is accepted, as is any other name.
 */
import type { Baseline, Project } from '../../model/project.ts';
import { EvmError } from './evm-error.ts';

/**
 * The baseline called `name`, or by default MS Project's "Baseline" (`0`) when there is one, else the
 * first. Throws `EvmError('NO_BASELINE')` when the project has none and `EvmError('UNKNOWN_BASELINE')`,
 * listing the names there are, when none has that name.
 *
 * @example
 * selectBaseline(project, 'Baseline1'); // the baseline stored as "1"
 */
export function selectBaseline(project: Pick<Project, 'baselines'>, name?: string): Baseline {
  const baselines = project.baselines;
  if (baselines.length === 0)
    throw new EvmError(
      'NO_BASELINE',
      'The project has no baseline: save one (MS Project: Set Baseline; plan files: `baselines:`) to measure earned value against it.',
    );
  if (name === undefined)
    return baselines.find((b) => canonical(b.name) === '0') ?? (baselines[0] as Baseline);
  const wanted = canonical(name);
  const found = baselines.find((b) => b.name === name) ?? baselines.find((b) => canonical(b.name) === wanted);
  if (found) return found;
  const names = baselines.map((b) => `"${displayName(b.name)}"`).join(', ');
  throw new EvmError('UNKNOWN_BASELINE', `No baseline is called "${name}"; the project has ${names}.`);
}

/** "Baseline" for `0`, "Baseline3" for `3`, any other name as it is. */
export function displayName(name: string): string {
  if (name === '0') return 'Baseline';
  if (/^(?:[1-9]|10)$/.test(name)) return `Baseline${name}`;
  return name;
}

/** `0` for "Baseline"/"baseline 0", `3` for "Baseline3"/"baseline 3", other names lower-cased. */
function canonical(name: string): string {
  const text = name.trim().toLowerCase();
  const match = /^baseline\s*(\d{0,2})$/.exec(text);
  if (match) return match[1] === '' || match[1] === undefined ? '0' : String(Number(match[1]));
  return /^\d+$/.test(text) ? String(Number(text)) : text;
}
