// Asking the user how to resolve a 412 conflict. `askConflict()` queues a question and resolves with the
// user's choice; `ConflictDialog` (mounted once in the app) shows the question at the head of the queue.
import { useSyncExternalStore } from 'react';

export type ConflictChoice = 'theirs' | 'mine';

export interface ConflictQuestion {
  /** e.g. `work item “Payments API”` */
  what: string;
  /** What the user tried to do. */
  action: 'update' | 'delete';
  /** The fields the user changed, with the values they wanted. */
  mine: Record<string, unknown>;
  /** The row as the user read it (before their edit). */
  base: Record<string, unknown>;
  /** The row as it is now on the server. */
  current: Record<string, unknown>;
}

interface Pending extends ConflictQuestion {
  resolve: (choice: ConflictChoice) => void;
}

let queue: readonly Pending[] = [];
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function askConflict(question: ConflictQuestion): Promise<ConflictChoice> {
  return new Promise((resolve) => {
    queue = [...queue, { ...question, resolve }];
    emit();
  });
}

export function answerConflict(choice: ConflictChoice): void {
  const [head, ...rest] = queue;
  if (!head) return;
  queue = rest;
  emit();
  head.resolve(choice);
}

export function usePendingConflict(): Pending | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => queue[0],
  );
}
