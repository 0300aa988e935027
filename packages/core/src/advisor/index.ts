// The staffing advisor (PRODUCT.md §5).
export * from './project-profile.ts';
export * from './salary-figures.ts';
export * from './option-costs.ts';
export * from './staffing-rules.ts';
export * from './trade-offs.ts';
export * from './advise-staffing.ts';
export * from './advisor-fixtures.ts';
