export * from './built-in-task-types.js';
export * from './events.js';
export * from './task-types.js';
export * from './task-runs.js';
export * from './published-events.js';
export * from './task-type-contribution.js';
export * from './task-log-source.js';
