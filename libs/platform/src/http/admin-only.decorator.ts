import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiProblem } from '../openapi/problem-responses.js';

export const IS_ADMIN_ROUTE = 'platform:admin-route';

/**
 * Marks an operator route (dead letters, user administration) for global admins only. The
 * authentication guard of user-management enforces it; libraries mark routes without
 * knowing that context, as with `Public`.
 */
export const AdminOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_ADMIN_ROUTE, true), ApiProblem(403, 'Only administrators may call this'));
