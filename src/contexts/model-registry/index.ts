export * from './contracts/index.js';
export { ModelRegistryModule } from './model-registry.module.js';
