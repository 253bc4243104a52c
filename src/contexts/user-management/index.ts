export * from './contracts/index.js';
export { UserManagementModule } from './user-management.module.js';
