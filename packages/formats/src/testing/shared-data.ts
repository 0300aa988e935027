/**
 * Where tests find the reference data (../shared/data beside the repository, see its README.md), and
 * the one rule for when it is missing: skip with a clear message on a laptop, fail in CI.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

export const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';

/** Absolute path of a folder or file under ../shared/data. */
export function dataDir(sub: string): string {
  return ROOT + sub;
}

/**
 * Call inside a `describe`: when `path` is missing, adds a failing test in CI and a skipped one, with
 * the reason, elsewhere. Returns whether the data is there.
 */
export function requireData(path: string): boolean {
  if (existsSync(path)) return true;
  if (inCi) {
    it('needs the reference data in CI', () => {
      throw new Error(`${path} not found: CI must run with ../shared/data beside the checkout`);
    });
  } else {
    it.skip(`skipped: ${path} not found (reference data, see shared/data/README.md)`, () => {});
  }
  return false;
}
