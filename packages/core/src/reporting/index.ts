// Status reports by audience, told from one project status snapshot (PRODUCT.md §5).
export * from './status-snapshot.ts';
export * from './report-model.ts';
export * from './plain-language.ts';
export * from './report-health.ts';
export * from './build-status-report.ts';
export * from './report-fixtures.ts';
