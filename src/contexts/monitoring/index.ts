export * from './contracts/index.js';
export { MonitoringModule } from './monitoring.module.js';
