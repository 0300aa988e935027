// The one TanStack Query client: sensible retries (never for 4xx), and errors of queries and mutations
// shown as notifications unless the caller handles them (`meta: { silent: true }`).
import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, describeError } from '../api/errors.ts';
import { queryKeys } from '../api/query-keys.ts';

function isSilent(meta: Record<string, unknown> | undefined): boolean {
  return meta?.silent === true;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401) {
          client.setQueryData(queryKeys.me, null); // the router sends the user to sign in
          return;
        }
        // Pages render query errors themselves; only refetch failures of shown data get a toast.
        if (!isSilent(query.meta) && query.state.data !== undefined) {
          notifications.show({ color: 'red', title: 'Could not refresh', message: describeError(error) });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (isSilent(mutation.meta)) return;
        if (error instanceof ApiError && error.status === 401) {
          client.setQueryData(queryKeys.me, null);
          return;
        }
        const title = error instanceof ApiError ? error.title : 'Something went wrong';
        notifications.show({ color: 'red', title, message: describeError(error), autoClose: 8000 });
      },
    }),
  });
  return client;
}
