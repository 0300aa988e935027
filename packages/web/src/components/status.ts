// How schedule and budget states are worded and coloured, everywhere.
import type { BudgetState } from '../api/types.ts';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

/** Working days late (+) / early (−) → "5d late", "on time", "2d early". */
export function varianceLabel(days: number | null | undefined): string {
  if (days === null || days === undefined) return 'no baseline';
  if (Math.abs(days) < 0.05) return 'on baseline';
  const n = Math.abs(days) % 1 === 0 ? Math.abs(days) : Math.abs(days).toFixed(1);
  return days > 0 ? `${n}d late` : `${n}d early`;
}

export function varianceTone(days: number | null | undefined): Tone {
  if (days === null || days === undefined) return 'neutral';
  if (days <= 0.05) return 'good';
  return days <= 5 ? 'warn' : 'bad';
}

export const TONE_COLOR: Record<Tone, string> = { good: 'teal', warn: 'yellow', bad: 'red', neutral: 'gray' };

export const BUDGET_LABEL: Record<BudgetState, string> = {
  on_track: 'On budget',
  at_risk: 'Budget at risk',
  over: 'Over budget',
  unknown: 'No forecast',
};

export const BUDGET_TONE: Record<BudgetState, Tone> = {
  on_track: 'good',
  at_risk: 'warn',
  over: 'bad',
  unknown: 'neutral',
};

/** Performance index → tone (≥ 0.95 good, ≥ 0.85 warning). */
export function indexTone(value: number | null | undefined): Tone {
  if (value === null || value === undefined) return 'neutral';
  return value >= 0.95 ? 'good' : value >= 0.85 ? 'warn' : 'bad';
}
