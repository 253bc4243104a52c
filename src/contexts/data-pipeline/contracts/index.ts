export * from './events.js';
export * from './lineage.facade.js';
export * from './dataset-quality.facade.js';
export * from './dataset-files.facade.js';
export * from './pipeline-run-log-source.js';
