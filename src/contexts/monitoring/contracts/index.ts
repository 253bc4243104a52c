export * from './events.js';
export * from './prometheus-rules.js';
