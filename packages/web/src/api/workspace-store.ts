// Which workspace the app works in: sent as `Tandem-Workspace` on every request, kept in localStorage
// so a reload stays in the same workspace. Components read it with `useWorkspaceId()`.
import { useSyncExternalStore } from 'react';

const KEY = 'tandem.workspace';
const listeners = new Set<() => void>();
let current: string | null = readStored();

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function getWorkspaceId(): string | null {
  return current;
}

export function setWorkspaceId(id: string | null): void {
  if (id === current) return;
  current = id;
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // private mode: the choice lasts for this tab only
  }
  for (const listener of listeners) listener();
}

export function useWorkspaceId(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
