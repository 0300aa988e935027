// The one way the app talks to the server: `api(path, options)`. Same-origin cookies, JSON both
// ways, `X-CSRF-Token` (from the `tandem_csrf` cookie) on unsafe methods, `Tandem-Workspace` from the
// workspace store, `If-Match` from an entity's version, and problems turned into `ApiError`s.
import { ApiError, ConflictError, type Problem } from './errors.ts';
import { getWorkspaceId } from './workspace-store.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiOptions {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  /** The version the change is based on (`If-Match: "<version>"`), or `*` for whatever is current. */
  ifMatch?: number | '*';
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export const CSRF_COOKIE = 'tandem_csrf';

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function withQuery(path: string, query: ApiOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, value === null ? 'null' : String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/** Headers every request carries (also used by the live-updates stream). */
export function commonHeaders(method: Method = 'GET'): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const workspace = getWorkspaceId();
  if (workspace) headers['Tandem-Workspace'] = workspace;
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  return headers;
}

export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = { ...commonHeaders(method), ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined)
    headers['If-Match'] = options.ifMatch === '*' ? '*' : `"${options.ifMatch}"`;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { title: 'Network error', detail: 'Cannot reach the Tandem server.' });
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? await response.json() : await response.text()) as T;
  }
  throw await toApiError(response);
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = { title: response.statusText || 'Request failed' };
  try {
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json')) problem = (await response.json()) as Problem;
  } catch {
    // not JSON: keep the status text
  }
  if (response.status === 412) return new ConflictError(problem);
  const retry = Number(response.headers.get('retry-after'));
  return new ApiError(response.status, problem, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}
