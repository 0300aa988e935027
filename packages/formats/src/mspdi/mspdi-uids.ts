/**
 * MSPDI identifies calendars, tasks, resources and assignments by integer UIDs; Tandem ids are strings
 * (a plan file may say `design`). Ids that already are distinct integers keep their value, so a file
 * read from MS Project is written back with its own UIDs; the others get fresh numbers above them.
 */

/**
 * The UID for each id, in order. Ids below `min` are renumbered (task UID 0 is the project summary).
 *
 * @example
 * assignUids(['4', 'design', '4', undefined], 1); // [4, 5, 6, 7]
 */
export function assignUids(ids: readonly (string | undefined)[], min: number): number[] {
  const used = new Set<number>();
  const kept = ids.map((id) => {
    const n = id !== undefined && /^\d{1,9}$/.test(id) ? Number(id) : NaN;
    if (!Number.isInteger(n) || n < min || used.has(n)) return undefined;
    used.add(n);
    return n;
  });
  // Fresh numbers start at 1 even where 0 is allowed: MS Project gives 0 to special rows.
  let next = Math.max(min, 1);
  for (const n of used) next = Math.max(next, n + 1);
  return kept.map((n) => n ?? next++);
}

/** `assignUids` as a map from id to UID (the first occurrence wins for repeated ids). */
export function uidMap(ids: readonly string[], min: number): Map<string, number> {
  const uids = assignUids(ids, min);
  const map = new Map<string, number>();
  ids.forEach((id, i) => {
    const uid = uids[i];
    if (!map.has(id) && uid !== undefined) map.set(id, uid);
  });
  return map;
}
