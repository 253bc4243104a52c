export * from './events.js';
export * from './model-registry.facade.js';
