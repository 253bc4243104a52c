export * from './events.js';
export * from './prediction-health.facade.js';
export * from './batch-prediction-log-source.js';
