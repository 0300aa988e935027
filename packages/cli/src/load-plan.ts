/**
 * Reads a plan from disk, choosing the reader by extension: `.xml` (MS Project XML), `.sm` (PSPLIB),
 * `.yaml`/`.yml`/`.json` (Tandem plan file).
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { Project } from '@tandem/core';
import { type PsplibInstance, readMspdi, readPlanFile, readPsplib } from '@tandem/formats';
import { UserError } from './user-error.ts';

export type PlanKind = 'mspdi' | 'psplib' | 'plan';

export interface LoadedPlan {
  kind: PlanKind;
  /** The path as the user gave it, for messages. */
  path: string;
  project: Project;
  /** What the reader tolerated (MSPDI oddities). */
  warnings: string[];
  psplib?: PsplibInstance;
}

export const SUPPORTED = '.yaml, .yml or .json (Tandem plan file), .xml (MS Project XML) or .sm (PSPLIB)';

export async function loadPlan(path: string, cwd: string): Promise<LoadedPlan> {
  const extension = extname(path).toLowerCase();
  if (!['.xml', '.sm', '.yaml', '.yml', '.json'].includes(extension))
    throw new UserError(`cannot tell what kind of file ${path} is: expected ${SUPPORTED}.`);
  const text = await readText(path, resolve(cwd, path));
  switch (extension) {
    case '.xml': {
      const { project, warnings } = readMspdi(text);
      return { kind: 'mspdi', path, project, warnings };
    }
    case '.sm': {
      const { project, instance } = readPsplib(text, basename(path, extname(path)));
      return { kind: 'psplib', path, project, warnings: [], psplib: instance };
    }
    default:
      return {
        kind: 'plan',
        path,
        project: readPlanFile(text, extension === '.json' ? 'json' : 'yaml'),
        warnings: [],
      };
  }
}

/** Reads a text file, turning the usual failures into one clear message about `what` it should be. */
export async function readText(path: string, absolute: string, what = 'a plan file'): Promise<string> {
  try {
    return await readFile(absolute, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`file not found: ${path} (looked for ${absolute}).`);
    if (code === 'EISDIR') throw new UserError(`${path} is a folder, not ${what}.`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`cannot read ${path}: permission denied.`);
    throw e;
  }
}
