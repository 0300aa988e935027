// The database: open it (SQLite or PostgreSQL), migrate it, and its schema types.
export * from './open-database.ts';
export * from './migrate.ts';
export * from './schema.ts';
