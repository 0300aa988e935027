/**
 * Optimistic concurrency over HTTP: an entity's `ETag` is its version (`"7"`); updates and deletes
 * must send `If-Match` with the version they read (428 without, 412 when stale).
 */
import { ApiError } from './api-error.ts';

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** `"7"` → 7; `*` → 'any'. Weak tags (`W/"7"`) never match, as RFC 9110 requires for If-Match. */
export type IfMatch = 'any' | number[];

export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || header.trim() === '')
    throw new ApiError(
      428,
      'precondition_required',
      'If-Match required',
      'Send the ETag you read as If-Match, so that concurrent changes are never overwritten.',
    );
  if (header.trim() === '*') return 'any';
  const versions: number[] = [];
  for (const part of header.split(',')) {
    const match = /^\s*"(\d{1,15})"\s*$/.exec(part);
    if (match) versions.push(Number(match[1]));
    else if (!/^\s*W\/"[^"]*"\s*$/.test(part))
      throw new ApiError(
        400,
        'bad_if_match',
        'Malformed If-Match',
        `If-Match must be like "7" (with quotes).`,
      );
  }
  return versions;
}

/**
 * The version to write against: the one `If-Match` names or, for `*` or a list, the current one when
 * it matches. When no tag matches, -1: the repository then refuses the write with the current row.
 */
export async function expectedVersion(ifMatch: IfMatch, current: () => Promise<number>): Promise<number> {
  if (ifMatch !== 'any' && ifMatch.length === 1) return ifMatch[0] as number;
  const now = await current();
  return ifMatch === 'any' || ifMatch.includes(now) ? now : -1;
}
