import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { PermissionName } from './permissions.js';

/** Who made the request, as the global authentication guard established it. */
export interface Principal {
  readonly kind: 'user' | 'api-key';
  readonly userId: string;
  readonly isAdmin: boolean;
  /** The session of an access token; absent for API keys. */
  readonly sessionId?: string;
  /** The key used and what it is limited to; absent for access tokens. */
  readonly apiKey?: {
    readonly id: string;
    readonly projectId: string;
    readonly permissions: readonly PermissionName[];
  };
}

/** Where the guard puts the principal on the request. */
export const PRINCIPAL_PROPERTY = 'principal';

/** Injects the Principal of the request into a controller method. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<Record<string, unknown>>();
  return request[PRINCIPAL_PROPERTY] as Principal;
});
