/**
 * Cursor pagination: a page ends with an opaque cursor holding the sort, its direction and the last
 * row's (sort value, id); the next page starts strictly after that pair, so rows inserted or deleted
 * meanwhile never make a page skip or repeat a row.
 */
import { ValidationError } from './errors.ts';

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new ValidationError([{ path: 'limit', message: `must be an integer from 1 to ${MAX_PAGE_SIZE}` }]);
  return limit;
}

interface CursorData {
  s: string;
  d: 'asc' | 'desc';
  v: string | number;
  id: string;
}

export function encodeCursor(sort: string, direction: 'asc' | 'desc', value: unknown, id: string): string {
  const data: CursorData = { s: sort, d: direction, v: value as string | number, id };
  return Buffer.from(JSON.stringify(data)).toString('base64url');
}

/** The (value, id) to continue after; a cursor from another sort or direction is refused. */
export function decodeCursor(
  cursor: string,
  sort: string,
  direction: 'asc' | 'desc',
): { value: string | number; id: string } {
  let data: Partial<CursorData> | undefined;
  try {
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorData>;
  } catch {
    data = undefined;
  }
  if (
    !data ||
    typeof data.id !== 'string' ||
    (typeof data.v !== 'string' && typeof data.v !== 'number') ||
    data.s !== sort ||
    data.d !== direction
  )
    throw new ValidationError([
      { path: 'cursor', message: 'invalid cursor (cursors are only valid with the same sort and direction)' },
    ]);
  return { value: data.v, id: data.id };
}
