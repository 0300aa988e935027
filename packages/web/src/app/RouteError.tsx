import type { ErrorComponentProps } from '@tanstack/react-router';
import { ErrorState } from '../components/ErrorState.tsx';

/** A route that failed to load (a lazy chunk, or a loader): what happened and a retry. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  return <ErrorState error={error} what="this page" onRetry={reset} />;
}
