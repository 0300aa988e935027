// DORA four keys (Four Keys' definitions) and SLO / error budget maths. Pure: times are epoch ms.
export * from './dora-events.ts';
export * from './dora-ratings.ts';
export * from './median.ts';
export * from './deployment-frequency.ts';
export * from './deployment-contents.ts';
export * from './dora-keys.ts';
export * from './dora-series.ts';
export * from './slo.ts';
export * from './release-window.ts';
