import type { AuthSettings } from '../../application/ports/auth-settings.js';
import type { UserManagementConfig } from './user-management-config.js';

export function authSettingsFrom(config: UserManagementConfig): AuthSettings {
  return { selfSignUp: config.selfSignUp, sessionLifetimeMs: config.sessionLifetimeSeconds * 1000 };
}
