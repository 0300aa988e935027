/**
 * Every migration, in order. A static list rather than a folder scan: it works the same under tsx,
 * a bundler or a compiled build, and a migration that is not listed here does not exist.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-plan-revision.ts';
import * as m0003 from './0003-import-jobs-and-feeds.ts';
import * as m0004 from './0004-engineering-signals.ts';
import * as m0005 from './0005-governance.ts';
import * as m0006 from './0006-communication.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-plan-revision': m0002,
  '0003-import-jobs-and-feeds': m0003,
  '0004-engineering-signals': m0004,
  '0005-governance': m0005,
  '0006-communication': m0006,
};
