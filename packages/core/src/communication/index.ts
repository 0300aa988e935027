// Stakeholder communication: what is due when, the influence/interest grid, satisfaction over time.
export * from './communication-due.ts';
export * from './stakeholder-grid.ts';
export * from './satisfaction-trend.ts';
