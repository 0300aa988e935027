/**
 * Spreading an amount over working time, linearly in working minutes, as MS Project spreads a task's
 * baseline cost by default (a flat work contour and prorated fixed cost): half the working time of the
 * task means half its budget. Over a lunch break, a night or a weekend the cumulative amount stays flat.
 */
import type { WorkingTime } from '../../calendar/working-time.ts';
import type { Minutes } from '../../time/local-time.ts';

/** An amount spread over `[start, finish]` on `calendar`. */
export interface PhasedAmount {
  amount: number;
  start: Minutes;
  finish: Minutes;
  calendar: WorkingTime;
}

/**
 * How much of `p.amount` falls before instant `t`. Zero-length spans (milestones) accrue the whole
 * amount at their finish.
 *
 * @example
 * // $100 over a four-day task starting Monday 08:00: $50 by Tuesday 17:00.
 * amountBefore({ amount: 100, start: mon8, finish: thu17, calendar }, tue17); // 50
 *
 * Complexity: O(1) calendar operations.
 */
export function amountBefore(p: PhasedAmount, t: Minutes): number {
  if (t >= p.finish) return p.amount;
  if (t <= p.start) return 0;
  const total = p.calendar.between(p.start, p.finish);
  if (total <= 0) return 0;
  return p.amount * Math.min(1, Math.max(0, p.calendar.between(p.start, t) / total));
}

/** Sum of `amountBefore` over many spans. Complexity: O(spans) calendar operations. */
export function totalBefore(spans: readonly PhasedAmount[], t: Minutes): number {
  let sum = 0;
  for (const span of spans) sum += amountBefore(span, t);
  return sum;
}
