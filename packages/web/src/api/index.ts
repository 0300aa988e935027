// The app's API layer: import from here.
export * from './errors.ts';
export * from './http.ts';
export * from './types.ts';
export * from './query-keys.ts';
export * from './pages.ts';
export * from './session.ts';
export * from './projects.ts';
export * from './collection.ts';
export * from './collections.ts';
export * from './conflicts.ts';
export * from './conflict-store.ts';
export * from './live-events.ts';
export * from './workspace-store.ts';
export * from './project-access.ts';
