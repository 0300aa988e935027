// Agile analytics: points-based earned value (AgileEVM) and throughput Monte Carlo forecasts.
export * from './agile-evm.ts';
export * from './forecast-error.ts';
export * from './throughput-forecast.ts';
export * from './throughput-history.ts';
