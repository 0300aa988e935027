/**
 * Stakeholder satisfaction over time (the PM's third KPI): on each date a score was given, the average
 * of every stakeholder's latest score as of that date.
 */

export interface SatisfactionScore {
  stakeholderId: string;
  /** 0..10. */
  score: number;
  /** `YYYY-MM-DD`. */
  on: string;
}

export interface SatisfactionPoint {
  on: string;
  average: number;
  /** Stakeholders with a score by then. */
  stakeholders: number;
}

/** Complexity: O(n log n + d · s) for n scores, d dates and s stakeholders. */
export function satisfactionTrend(scores: readonly SatisfactionScore[], until?: string): SatisfactionPoint[] {
  const sorted = [...scores]
    .filter((s) => until === undefined || s.on <= until)
    .sort((a, b) => a.on.localeCompare(b.on) || a.stakeholderId.localeCompare(b.stakeholderId));
  const latest = new Map<string, number>();
  const points: SatisfactionPoint[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    latest.set(s.stakeholderId, s.score);
    if (sorted[i + 1]?.on === s.on) continue;
    const values = [...latest.values()];
    points.push({
      on: s.on,
      average: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100,
      stakeholders: values.length,
    });
  }
  return points;
}
