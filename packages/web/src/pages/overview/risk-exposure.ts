import type { RaidEntry } from '../../api/types.ts';

const CLOSED = new Set(['closed', 'resolved', 'retired', 'done', 'cancelled', 'superseded']);

export function isOpen(entry: { status: string }): boolean {
  return !CLOSED.has(entry.status);
}

/** Expected cost of a risk: probability × most likely cost impact (0 without one). */
export function costExposure(risk: RaidEntry): number {
  return (risk.probability ?? 0) * (risk.costImpact?.mostLikely ?? 0);
}

/** Expected delay in working minutes: probability × most likely schedule impact. */
export function scheduleExposure(risk: RaidEntry): number {
  return (risk.probability ?? 0) * (risk.scheduleImpact?.mostLikely ?? 0);
}

/** Open risks, most exposed first: expected delay, then expected cost, then score and probability. */
export function topRisks(
  entries: readonly RaidEntry[],
  limit = 5,
  filter?: (r: RaidEntry) => boolean,
): RaidEntry[] {
  return entries
    .filter((e) => e.kind === 'risk' && isOpen(e) && (!filter || filter(e)))
    .sort(
      (a, b) =>
        scheduleExposure(b) - scheduleExposure(a) ||
        costExposure(b) - costExposure(a) ||
        (b.score ?? 0) - (a.score ?? 0) ||
        (b.probability ?? 0) - (a.probability ?? 0),
    )
    .slice(0, limit);
}
