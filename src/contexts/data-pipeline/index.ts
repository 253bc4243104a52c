export * from './contracts/index.js';
export { DataPipelineModule } from './data-pipeline.module.js';
