export * from './events.js';
export * from './batch-prediction-log-source.js';
