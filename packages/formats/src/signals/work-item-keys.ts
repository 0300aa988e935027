/**
 * Work-item keys in free text: branch names (`feature/BANK-42-login`), pull-request titles and commit
 * messages. Two kinds are found: Jira-style keys (`BANK-42`, upper-case project prefix, any case in
 * branch names), and — when given — the project's own keys (`perf-test`, `1.2.3`), matched as whole
 * words, case-insensitively. Results are unique, in order of first appearance, as the project spells
 * them (Jira-style keys upper-cased).
 */

const JIRA_KEY = /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]{1,9}-\d{1,7})(?![A-Za-z0-9])/g;
const WORD_CHARS = 'A-Za-z0-9_';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export interface KeyOptions {
  /** The project's work-item keys, matched as whole words. */
  knownKeys?: readonly string[];
  /** Jira-style prefixes to accept (`['BANK']`); any prefix when not given. */
  prefixes?: readonly string[];
}

/** @example extractWorkItemKeys('feature/bank-42-login: fix BANK-7') // ['BANK-42', 'BANK-7'] */
export function extractWorkItemKeys(
  texts: readonly (string | null | undefined)[],
  options: KeyOptions = {},
): string[] {
  const found: { at: number; order: number; key: string }[] = [];
  const prefixes = options.prefixes?.map((p) => p.toUpperCase());
  texts.forEach((text, order) => {
    if (!text) return;
    for (const m of text.matchAll(JIRA_KEY)) {
      const key = (m[1] as string).toUpperCase();
      const prefix = key.slice(0, key.indexOf('-'));
      // Lower-case keys only count when the prefix is known (a branch `release-2` is not a key).
      const written = m[1] as string;
      if (prefixes ? !prefixes.includes(prefix) : written !== written.toUpperCase()) continue;
      found.push({ at: m.index ?? 0, order, key });
    }
    for (const known of options.knownKeys ?? []) {
      if (known.length < 2) continue;
      const re = new RegExp(`(?<![${WORD_CHARS}])${escape(known)}(?![${WORD_CHARS}])`, 'gi');
      for (const m of text.matchAll(re)) found.push({ at: m.index ?? 0, order, key: known });
    }
  });
  found.sort((a, b) => a.order - b.order || a.at - b.at);
  return [...new Set(found.map((f) => f.key))];
}
