/**
 * Words an executive report must not use, each with the plain words it says instead. The executive
 * builder writes with the plain words; the test scans its whole text against this list.
 */

export interface JargonTerm {
  /** Matched as a whole word; case-insensitive unless `caseSensitive` (acronyms). */
  term: string;
  plain: string;
  caseSensitive?: boolean;
}

export const EXECUTIVE_JARGON: readonly JargonTerm[] = [
  { term: 'float', plain: 'room to slip' },
  { term: 'slack', plain: 'room to slip' },
  { term: 'lead time', plain: 'time from idea to customers' },
  { term: 'critical path', plain: 'chain of work that sets the end date' },
  { term: 'critical task', plain: 'work that sets the end date' },
  { term: 'SPI', plain: 'work done compared with plan', caseSensitive: true },
  { term: 'CPI', plain: 'value delivered for each unit of money spent', caseSensitive: true },
  { term: 'EAC', plain: 'expected final cost', caseSensitive: true },
  { term: 'BAC', plain: 'budget', caseSensitive: true },
  { term: 'ETC', plain: 'cost still to come', caseSensitive: true },
  { term: 'VAC', plain: 'expected over- or underspend', caseSensitive: true },
  { term: 'TCPI', plain: 'efficiency needed to stay on budget', caseSensitive: true },
  { term: 'PV', plain: 'planned work', caseSensitive: true },
  { term: 'EV', plain: 'work done', caseSensitive: true },
  { term: 'AC', plain: 'money spent', caseSensitive: true },
  { term: 'earned value', plain: 'value of the work done' },
  { term: 'earned schedule', plain: 'progress against the plan' },
  { term: 'DORA', plain: 'delivery speed and stability', caseSensitive: true },
  { term: 'deployment frequency', plain: 'how often we release' },
  { term: 'change failure rate', plain: 'releases that needed a fix' },
  { term: 'MTTR', plain: 'time to recover', caseSensitive: true },
  { term: 'SLO', plain: 'service target', caseSensitive: true },
  { term: 'error budget', plain: 'allowance for outages' },
  { term: 'WBS', plain: 'work breakdown', caseSensitive: true },
  { term: 'baseline', plain: 'agreed plan' },
  { term: 'velocity', plain: 'team pace' },
  { term: 'story points', plain: 'size of work' },
  { term: 'burndown', plain: 'work remaining' },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The jargon terms found in `text` (each once). */
export function findJargon(text: string, terms: readonly JargonTerm[] = EXECUTIVE_JARGON): string[] {
  return terms
    .filter((t) => new RegExp(`\\b${escape(t.term)}s?\\b`, t.caseSensitive ? '' : 'i').test(text))
    .map((t) => t.term);
}

/**
 * Rewrites jargon in text an executive report quotes (a recorded health reason, a risk's title) with
 * the plain words: "on the critical path" → "on the chain of work that sets the end date". Words
 * around it are left as written.
 */
export function plainLanguage(text: string, terms: readonly JargonTerm[] = EXECUTIVE_JARGON): string {
  let out = text;
  for (const t of terms) {
    const pattern = new RegExp(`\\b(the\\s+)?${escape(t.term)}(s)?\\b`, t.caseSensitive ? 'g' : 'gi');
    out = out.replace(pattern, (_m, article: string | undefined) => `${article ?? ''}${t.plain}`);
  }
  return out;
}
