/**
 * Live updates across API processes on PostgreSQL: NOTIFY on one channel, LISTEN on a dedicated client
 * per process. Every process (the publisher included) receives each event through the database, so all
 * see them in the same order. Payloads are ids only, far under NOTIFY's 8000-byte limit.
 */
import pg from 'pg';
import type { ChangeEvent, ChangeListener, EventBus } from './event-bus.ts';
import { Subscribers } from './event-bus.ts';

export const CHANNEL = 'tandem_changes';
export const MAX_PAYLOAD_BYTES = 8000;

export interface PgEventBusOptions {
  connectionString: string;
  /** Told about connection trouble (the bus reconnects by itself). */
  onError?: (error: unknown) => void;
  channel?: string;
}

export class PgEventBus implements EventBus {
  readonly #subscribers = new Subscribers();
  readonly #options: PgEventBusOptions;
  readonly #channel: string;
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;

  private constructor(options: PgEventBusOptions) {
    this.#options = options;
    this.#channel = options.channel ?? CHANNEL;
    if (!/^[a-z_][a-z0-9_]*$/.test(this.#channel)) throw new Error(`invalid channel name ${this.#channel}`);
  }

  /** Connects and starts listening before resolving, so no event published after this is missed. */
  static async connect(options: PgEventBusOptions): Promise<PgEventBus> {
    const bus = new PgEventBus(options);
    await bus.#connect();
    return bus;
  }

  async publish(event: ChangeEvent): Promise<void> {
    const payload = JSON.stringify(event);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES)
      throw new Error(`change event payload is ${Buffer.byteLength(payload)} bytes, over NOTIFY's limit`);
    const client = await this.#connect();
    await client.query('SELECT pg_notify($1, $2)', [this.#channel, payload]);
  }

  subscribe(workspaceId: string, projectId: string, listener: ChangeListener): () => void {
    return this.#subscribers.add(workspaceId, projectId, listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }

  #connect(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    if (this.#closed) return Promise.reject(new Error('event bus closed'));
    this.#connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.#options.connectionString });
      client.on('notification', (message) => {
        if (message.channel !== this.#channel || !message.payload) return;
        try {
          this.#subscribers.deliver(JSON.parse(message.payload) as ChangeEvent);
        } catch (error) {
          this.#options.onError?.(error);
        }
      });
      client.on('error', (error) => {
        this.#options.onError?.(error);
        this.#lost(client);
      });
      client.on('end', () => this.#lost(client));
      try {
        await client.connect();
        await client.query(`LISTEN ${this.#channel}`);
      } catch (error) {
        await client.end().catch(() => {});
        throw error;
      }
      this.#client = client;
      return client;
    })().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  // The listening connection dropped: reconnect after a pause (events in between are lost; SSE
  // clients re-fetch on reconnect).
  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    this.#reconnectLater();
  }

  #reconnectLater(): void {
    if (this.#closed) return;
    this.#retry = setTimeout(() => {
      this.#connect().catch((error: unknown) => {
        this.#options.onError?.(error);
        this.#reconnectLater();
      });
    }, 1000);
    this.#retry.unref();
  }
}
