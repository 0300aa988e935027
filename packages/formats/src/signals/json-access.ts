/** Defensive reads of untrusted webhook JSON: a missing or mistyped field is null, never a throw. */
import { FormatError } from '../format-error.ts';

export type Obj = Record<string, unknown>;

export function obj(value: unknown): Obj | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : null;
}

export function at(value: unknown, ...path: (string | number)[]): unknown {
  let cur = value;
  for (const key of path) {
    if (typeof key === 'number') cur = Array.isArray(cur) ? cur[key] : undefined;
    else cur = obj(cur)?.[key];
    if (cur === undefined || cur === null) return null;
  }
  return cur;
}

export function str(value: unknown, ...path: (string | number)[]): string | null {
  const v = at(value, ...path);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export function num(value: unknown, ...path: (string | number)[]): number | null {
  const v = at(value, ...path);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export function arr(value: unknown, ...path: (string | number)[]): unknown[] {
  const v = at(value, ...path);
  return Array.isArray(v) ? v : [];
}

/**
 * A timestamp in any of the forms webhooks use — ISO 8601, GitLab's `2016-08-12 15:23:28 UTC` and
 * `2021-04-28 21:50:00 +0200`, epoch seconds or milliseconds — as ISO 8601 UTC; null if unreadable.
 */
export function isoTime(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value < 1e11 ? value * 1000 : value;
    return new Date(ms).toISOString();
  }
  if (typeof value !== 'string' || value === '') return null;
  let s = value.trim();
  if (s.startsWith('0001-01-01')) return null; // Alertmanager's "not ended"
  s = s.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(:\d{2}(\.\d+)?)?)/, '$1T$2');
  s = s.replace(/ UTC$/, 'Z').replace(/ ?([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The payload as an object, or a FormatError naming the provider and event. */
export function payloadObject(payload: unknown, format: string, event: string): Obj {
  const o = obj(payload);
  if (!o)
    throw new FormatError({
      format,
      path: '(body)',
      value: payload === null ? 'null' : typeof payload,
      message: `the ${event} payload is not a JSON object`,
    });
  return o;
}

/** `refs/heads/main` → `main`; tags and other refs → null. */
export function branchOf(ref: string | null): string | null {
  if (!ref) return null;
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  if (ref.startsWith('refs/')) return null;
  return ref;
}

/** `Coverage: 84.2%`, `coverage 84 %`, `84.2% coverage` in a text → 84.2. */
export function coverageIn(...texts: (string | null)[]): number | null {
  for (const text of texts) {
    if (!text) continue;
    const m =
      /coverage[^0-9%\n]{0,20}(\d{1,3}(?:\.\d+)?)\s*%/i.exec(text) ??
      /(\d{1,3}(?:\.\d+)?)\s*%\s*coverage/i.exec(text);
    if (m) {
      const v = Number(m[1]);
      if (v >= 0 && v <= 100) return v;
    }
  }
  return null;
}

/** Four Keys' convention: `root cause: <sha>` in an incident's text. */
export function rootCausesIn(...texts: (string | null)[]): string[] {
  const out: string[] = [];
  for (const text of texts)
    for (const m of (text ?? '').matchAll(/root[ _-]?cause:\s*([0-9a-f]{7,40})\b/gi))
      out.push((m[1] as string).toLowerCase());
  return [...new Set(out)];
}
