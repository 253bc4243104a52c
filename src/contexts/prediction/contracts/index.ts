export * from './events.js';
export * from './prediction-health.facade.js';
