// Engineering signals from webhook deliveries: pure parsers, one per provider, and work-item keys.
export * from './signal-types.ts';
export * from './work-item-keys.ts';
export { isoTime } from './json-access.ts';
export * from './github-signals.ts';
export * from './gitlab-signals.ts';
export * from './ci-signals.ts';
export * from './alert-signals.ts';
export * from './parse-delivery.ts';
