// Public surface of @tandem/server: start the server, or build the app and its parts for embedding.
export { startServer, serverOptionsFromEnv, type ServerOptions, type RunningServer } from './main.ts';
export { createApp, type CreateAppOptions, type TandemApp } from './app.ts';
export { createLogger } from './http/logger.ts';
export type { EventBus, ChangeEvent } from './events/event-bus.ts';
export { InProcessEventBus } from './events/event-bus.ts';
export { PgEventBus } from './events/pg-event-bus.ts';
export { openDatabase, databaseOptionsFromEnv } from './db/open-database.ts';
