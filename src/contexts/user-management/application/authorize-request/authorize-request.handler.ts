import { Injectable } from '@nestjs/common';
import type { PermissionName } from '../../contracts/permissions.js';
import type { Principal } from '../../contracts/principal.js';
import { decideAccess, type AccessDecision } from '../../domain/access/access-decision.js';
import { MembershipLookup } from '../../domain/projects/project.repository.js';

/** One permission check of one request, with the requester's membership read fresh. */
@Injectable()
export class AuthorizeRequestHandler {
  constructor(private readonly memberships: MembershipLookup) {}

  async decide(principal: Principal, projectId: string, permission: PermissionName): Promise<AccessDecision> {
    const role = await this.memberships.roleOf(principal.userId, projectId);
    const decision = decideAccess({ isAdmin: principal.isAdmin, scope: principal.apiKey }, role, projectId, permission);
    // An admin asking for a project that does not exist still gets 404, not an empty success.
    if (decision === 'allowed' && role === undefined && !(await this.memberships.projectExists(projectId)))
      return 'hidden';
    return decision;
  }
}
