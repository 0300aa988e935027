/**
 * Every migration, in order. A static list rather than a folder scan: it works the same under tsx,
 * a bundler or a compiled build, and a migration that is not listed here does not exist.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-plan-revision.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-plan-revision': m0002,
};
