export * from './contracts/index.js';
export { WorkflowEngineModule } from './workflow-engine.module.js';
