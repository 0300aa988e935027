// Who is signed in: `useMe()` (null when signed out), sign in with email + password, sign out.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from './errors.ts';
import { api, CSRF_COOKIE, readCookie } from './http.ts';
import { queryKeys } from './query-keys.ts';
import type { Me, User } from './types.ts';
import { getWorkspaceId, setWorkspaceId } from './workspace-store.ts';

export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async (): Promise<Me | null> => {
    // A session always comes with the readable CSRF cookie: without it there is no session to ask
    // about (and no 401 to log in the console).
    if (!readCookie(CSRF_COOKIE)) return null;
    try {
      const me = await api<Me>('/api/me');
      // A remembered workspace the user left: fall back to the server's choice.
      const remembered = getWorkspaceId();
      if (remembered && !me.workspaces.some((w) => w.id === remembered)) setWorkspaceId(null);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      if (error instanceof ApiError && error.status === 404 && getWorkspaceId()) {
        setWorkspaceId(null);
        return api<Me>('/api/me');
      }
      throw error;
    }
  },
  staleTime: 60_000,
});

export function useMe(): Me | null | undefined {
  return useQuery(meQuery).data;
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      api<{ user: User; csrfToken: string }>('/api/auth/sign-in', { method: 'POST', body: input }),
    onSuccess: async () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      await client.invalidateQueries({ queryKey: queryKeys.me });
    },
    meta: { silent: true },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/sign-out', { method: 'POST' }),
    onSettled: () => {
      client.clear();
      client.setQueryData(queryKeys.me, null);
    },
  });
}
