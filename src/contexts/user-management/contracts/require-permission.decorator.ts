import { applyDecorators, SetMetadata, type Abstract } from '@nestjs/common';
import { ApiProblem } from '@libs/platform';
import type { PermissionName } from './permissions.js';

/**
 * Implemented by a context that owns project resources, so the guard can find the project of
 * an item addressed by its own id (`/api/v1/model-versions/{id}`). Answer undefined when the
 * item does not exist: the request then gets 404.
 */
export abstract class ProjectOfResource {
  abstract projectOf(resourceId: string): Promise<string | undefined>;
}

export interface PermissionRequirement {
  readonly permission: PermissionName;
  /** Path parameter holding the project id (default `projectId`). */
  readonly projectParam?: string;
  /**
   * Or: a request header holding the project id, for protocols whose paths have no room for one
   * (the Open Inference Protocol); an API key's own project when the header is absent.
   */
  readonly projectHeader?: string;
  /**
   * Or: the provider that maps the item in path parameter `param` (default `id`), or in query
   * parameter `query` when that is given, to its project. Abstract, so a controller can name its
   * context's port and the module bind the adapter.
   */
  readonly resource?: {
    readonly resolver: Abstract<ProjectOfResource>;
    readonly param?: string;
    readonly query?: string;
  };
}

export const REQUIRED_PERMISSION = 'user-management:required-permission';

/**
 * Requires `permission` in the project the request addresses. Enforced by the global guard of
 * user-management, present in every process that serves HTTP. Another project's resource
 * answers 404; a member without the permission gets 403.
 */
export function RequirePermission(
  permission: PermissionName,
  where: Omit<PermissionRequirement, 'permission'> = {},
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, { permission, ...where } satisfies PermissionRequirement),
    ApiProblem(403, `Needs ${permission} in the project`),
    ApiProblem(404, 'No such project or resource visible to the caller'),
  );
}
