import type { PermissionName } from '../../contracts/permissions.js';
import type { Principal } from '../../contracts/principal.js';

export interface AuthorizeRequestQuery {
  readonly principal: Principal;
  readonly projectId: string;
  readonly permission: PermissionName;
}
