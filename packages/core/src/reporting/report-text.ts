/** Formatting shared by the report builders: money, dates, percentages and day counts in words. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-02-13T17:00:00` → `13 Feb 2026`. */
export function dateText(local: string | null | undefined): string {
  if (!local) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(local);
  if (!m) return local;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** `GBP 12,345` → `£12,345` (whole units; the currency code when it has no symbol). */
export function money(amount: number | null | undefined, currency: string | null): string {
  if (amount === null || amount === undefined) return '—';
  const code = currency ?? 'USD';
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: code,
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    }).format(Math.round(amount));
  } catch {
    return `${code} ${Math.round(amount).toLocaleString('en-GB')}`;
  }
}

export function percent(fraction: number | null | undefined, digits = 0): string {
  if (fraction === null || fraction === undefined) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function ratioText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

/** `1.5` → `1.5 days`, `1` → `1 day`. */
export function days(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  const r = Math.round(n * 10) / 10;
  return `${r} ${Math.abs(r) === 1 ? 'day' : 'days'}`;
}

/** Plain words for a working-day slip: `5 days late`, `2 days early`, `on time`. */
export function slipText(varianceDays: number | null | undefined): string {
  if (varianceDays === null || varianceDays === undefined) return 'no baseline';
  const r = Math.round(varianceDays * 10) / 10;
  if (Math.abs(r) < 0.5) return 'on time';
  return r > 0 ? `${days(r)} late` : `${days(-r)} early`;
}

/** A probability in words, for readers who do not think in decimals. */
export function likelihoodText(p: number | null): string {
  if (p === null) return 'unknown';
  if (p >= 0.7) return 'likely';
  if (p >= 0.4) return 'possible';
  if (p >= 0.15) return 'unlikely';
  return 'rare';
}

/** An impact level 1..5 in words. */
export function impactText(impact: number | null): string {
  if (impact === null) return 'unknown';
  return ['minor', 'minor', 'moderate', 'major', 'severe', 'severe'][Math.round(impact)] ?? 'unknown';
}
