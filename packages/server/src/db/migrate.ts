/**
 * Runs the migrations (`migrations/index.ts`) with Kysely's Migrator. The Migrator takes a lock, so
 * several processes starting at once against one PostgreSQL database migrate it only once.
 */
import { type Kysely, type MigrationResult, Migrator } from 'kysely';
import { MIGRATIONS } from './migrations/index.ts';

// The Migrator works below the typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKysely = Kysely<any>;

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    message: string,
    readonly results: MigrationResult[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface MigrateOptions {
  /**
   * PostgreSQL: the schema holding the migration tables. Give it whenever the database is used through
   * a non-default `search_path`: Kysely otherwise finds another schema's migration tables and skips
   * creating its own.
   */
  schema?: string;
}

function migrator(db: AnyKysely, options: MigrateOptions): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(options.schema !== undefined ? { migrationTableSchema: options.schema } : {}),
  });
}

/** Brings the schema up to date; returns the names of the migrations applied. */
export async function migrateToLatest(db: AnyKysely, options: MigrateOptions = {}): Promise<string[]> {
  const { error, results = [] } = await migrator(db, options).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${String(error)}`, results, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Undoes every migration (tests and `tandem db reset`). */
export async function migrateDownToNothing(db: AnyKysely, options: MigrateOptions = {}): Promise<void> {
  const m = migrator(db, options);
  while (true) {
    const { error, results = [] } = await m.migrateDown();
    if (error) throw new MigrationError(`migrating down failed: ${String(error)}`, results, { cause: error });
    if (results.length === 0) return;
  }
}
