// Lists are cursor-paginated (`items`, `nextCursor`); most screens want the whole list.
import { api } from './http.ts';
import type { Page } from './types.ts';

type Query = Record<string, string | number | boolean | null | undefined>;

/** Every page of a list, 500 rows per request. */
export async function fetchAllPages<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api<Page<T>>(path, {
      query: { ...query, limit: 500, cursor: cursor ?? undefined },
      signal,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
