export * from './contracts/index.js';
export { PredictionModule } from './prediction.module.js';
