/**
 * Live updates: writes publish small change events (ids, never bodies); SSE streams subscribe per
 * project. One interface, an in-process implementation and a PostgreSQL LISTEN/NOTIFY one.
 */

export type ChangeAction = 'created' | 'updated' | 'deleted';

export interface ChangeEvent {
  workspaceId: string;
  /** The project the entity belongs to; null for workspace-level entities (users, workspaces…). */
  projectId: string | null;
  /** The API's name for the entity type (`work-items`, `dependencies`…). */
  entity: string;
  id: string;
  /** The version after the change (the last version for a delete). */
  version: number;
  action: ChangeAction;
  /** ISO time of the change. */
  at: string;
}

export type ChangeListener = (event: ChangeEvent) => void;

export interface EventBus {
  /** Resolves once the event is handed over (for PostgreSQL: once NOTIFY was sent). */
  publish(event: ChangeEvent): Promise<void>;
  /** Listens to every event of one workspace's project; returns the unsubscribe function. */
  subscribe(workspaceId: string, projectId: string, listener: ChangeListener): () => void;
  close(): Promise<void>;
}

/** Fan-out to local subscribers, shared by both implementations. */
export class Subscribers {
  readonly #byKey = new Map<string, Set<ChangeListener>>();

  add(workspaceId: string, projectId: string, listener: ChangeListener): () => void {
    const key = `${workspaceId}/${projectId}`;
    let set = this.#byKey.get(key);
    if (!set) this.#byKey.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#byKey.delete(key);
    };
  }

  deliver(event: ChangeEvent): void {
    if (event.projectId === null) return;
    const set = this.#byKey.get(`${event.workspaceId}/${event.projectId}`);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch {
        // A failing subscriber (a closed stream) must not stop the others.
      }
    }
  }

  get size(): number {
    let n = 0;
    for (const set of this.#byKey.values()) n += set.size;
    return n;
  }
}

/** Single-process bus: SQLite, tests, or one PostgreSQL process. */
export class InProcessEventBus implements EventBus {
  readonly #subscribers = new Subscribers();

  async publish(event: ChangeEvent): Promise<void> {
    // Deliver on a later tick, as a remote bus would: never inside the writer's call stack.
    queueMicrotask(() => this.#subscribers.deliver(event));
  }

  subscribe(workspaceId: string, projectId: string, listener: ChangeListener): () => void {
    return this.#subscribers.add(workspaceId, projectId, listener);
  }

  async close(): Promise<void> {}
}
