export * from './events.js';
export * from './permissions.js';
export * from './principal.js';
export * from './require-permission.decorator.js';
export * from './user-management.facade.js';
export * from './presented-credential.js';
