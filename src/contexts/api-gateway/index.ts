export * from './contracts/index.js';
export { ApiGatewayModule } from './api-gateway.module.js';
