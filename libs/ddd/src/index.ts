export * from './aggregate-root.js';
export * from './domain-error.js';
export * from './domain-event.js';
export * from './entity.js';
export * from './uuid.js';
export * from './random-pool.js';
export * from './value-object.js';
export * from './full-match-pattern.js';
