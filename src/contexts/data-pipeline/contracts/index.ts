export * from './events.js';
export * from './lineage.facade.js';
