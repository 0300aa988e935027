// A write that may meet a 412: ask the user (see conflict-store.ts), then either keep the server's row
// or re-apply the user's fields on top of the current version. Nothing is lost either way: the dialog
// shows both sides before the user picks.
import { askConflict } from './conflict-store.ts';
import { ConflictError } from './errors.ts';

/**
 * Runs `write(version, patch)` against `base.version`; on a conflict asks the user and either returns the
 * current row ('theirs') or writes again on the current version ('mine'), as often as it takes.
 */
export async function resolveConflicts<T extends { version: number }>(
  what: string,
  base: T,
  patch: Record<string, unknown> | Partial<T>,
  write: (version: number, patch: Record<string, unknown>) => Promise<T>,
): Promise<T> {
  let version = base.version;
  let seen: Record<string, unknown> = base as unknown as Record<string, unknown>;
  for (;;) {
    try {
      return await write(version, patch as Record<string, unknown>);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = error.current as T & Record<string, unknown>;
      const choice = await askConflict({
        what,
        action: 'update',
        mine: patch as Record<string, unknown>,
        base: seen,
        current,
      });
      if (choice === 'theirs') return current;
      version = error.currentVersion || current.version;
      seen = current;
    }
  }
}

/** DELETE with `If-Match`; a conflict asks whether to delete the changed row anyway. */
export async function deleteResolvingConflicts<T extends { version: number }>(
  what: string,
  base: T,
  remove: (version: number) => Promise<void>,
): Promise<'deleted' | 'kept'> {
  let version = base.version;
  for (;;) {
    try {
      await remove(version);
      return 'deleted';
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = error.current as Record<string, unknown>;
      const choice = await askConflict({
        what,
        action: 'delete',
        mine: {},
        base: base as unknown as Record<string, unknown>,
        current,
      });
      if (choice === 'theirs') return 'kept';
      version = error.currentVersion;
    }
  }
}
