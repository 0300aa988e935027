// How the Engineering page (and the overview's DORA panel) words and colours DORA figures. Every
// helper answers '—' for a missing or non-finite number, so nothing ever shows NaN.
import dayjs from 'dayjs';
import type { Tone } from '../../components/status.ts';
import type { Rating } from './engineering-types.ts';

export const RATING_COLOR: Record<Rating, string> = {
  elite: 'teal',
  high: 'green',
  medium: 'yellow',
  low: 'red',
};

export function toneOf(rating: Rating | null | undefined): Tone {
  if (!rating) return 'neutral';
  return rating === 'elite' || rating === 'high' ? 'good' : rating === 'medium' ? 'warn' : 'bad';
}

export function band(rating: Rating | null | undefined): string {
  return rating ? `${rating} band` : 'not measured';
}

/** A window `[from, to)` as the days it covers: `16 Nov 2025 – 13 Feb 2026` (UTC days). */
export function formatWindow(from: string, to: string): string {
  const last = Date.parse(to) - 1;
  if (!Number.isFinite(last)) return '—';
  const day = (iso: string) => dayjs(iso.slice(0, 10)).format('D MMM YYYY');
  return `${day(from)} – ${day(new Date(last).toISOString())}`;
}

const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** A median in minutes → `45 min`, `3.2 h`, `2.6 days`. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (!finite(minutes)) return '—';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  return hours < 48 ? `${hours.toFixed(hours < 10 ? 1 : 0)} h` : `${(hours / 24).toFixed(1)} days`;
}

/** Milliseconds → hours (for charts), or null. */
export function msToHours(ms: number | null | undefined): number | null {
  return finite(ms) ? Math.round((ms / 3_600_000) * 10) / 10 : null;
}

/** A share (0–1) → `4%` / `4.2%`. */
export function formatRate(rate: number | null | undefined, digits = 0): string {
  return finite(rate) ? `${(rate * 100).toFixed(digits)}%` : '—';
}

/** The span between two instants: `14 min`, `2.5 h`. */
export function formatSpan(from: string | null | undefined, to: string | null | undefined): string {
  if (!from || !to) return '—';
  const ms = Date.parse(to) - Date.parse(from);
  return finite(ms) && ms >= 0 ? formatMinutes(ms / 60_000) : '—';
}

export const shortSha = (sha: string | null | undefined) => (sha ? sha.slice(0, 7) : '—');

/** A budget in milliseconds → `43 min`, `3.6 h`. */
export function formatBudget(ms: number | null | undefined): string {
  return finite(ms) ? formatMinutes(ms / 60_000) : '—';
}

/** An SLO objective (0.999) → `99.9%`. */
export function formatObjective(objective: number | null | undefined): string {
  if (!finite(objective)) return '—';
  const percent = objective * 100;
  return `${Number(percent.toFixed(3))}%`;
}

const PROVIDERS: Record<string, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  jenkins: 'Jenkins',
  circleci: 'CircleCI',
  alerts: 'alerting',
};

export const providerLabel = (provider: string) => PROVIDERS[provider] ?? provider;

/** Colour of a build, deployment or incident status. */
export function statusColor(status: string): string {
  if (status === 'success' || status === 'resolved') return 'teal';
  if (status === 'failure' || status === 'error' || status === 'open') return 'red';
  if (status === 'in_progress' || status === 'queued' || status === 'pending') return 'blue';
  return 'gray';
}

export const statusLabel = (status: string) => status.replace(/_/g, ' ');
