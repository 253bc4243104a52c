import { Injectable } from '@nestjs/common';
import { decideAccess, type AccessDecision } from '../../domain/access/access-decision.js';
import { MembershipLookup } from '../../domain/projects/project.repository.js';
import { ApiKeyOwnerRoles } from '../ports/api-key-owner-roles.js';
import type { AuthorizeRequestQuery } from './authorize-request.query.js';

/**
 * One permission check of one request, with a user's membership read fresh; an API key's owner's
 * role may be as old as what the process read of the key itself (docs/adr/0506).
 */
@Injectable()
export class AuthorizeRequestHandler {
  constructor(
    private readonly memberships: MembershipLookup,
    private readonly keyOwnerRoles: ApiKeyOwnerRoles,
  ) {}

  async execute(query: AuthorizeRequestQuery): Promise<AccessDecision> {
    const { principal, projectId, permission } = query;
    const role =
      principal.kind === 'api-key'
        ? await this.keyOwnerRoles.roleOf(principal.userId, projectId)
        : await this.memberships.roleOf(principal.userId, projectId);
    const decision = decideAccess({ isAdmin: principal.isAdmin, scope: principal.apiKey }, role, projectId, permission);
    // An admin asking for a project that does not exist still gets 404, not an empty success.
    if (decision === 'allowed' && role === undefined && !(await this.memberships.projectExists(projectId)))
      return 'hidden';
    return decision;
  }
}
