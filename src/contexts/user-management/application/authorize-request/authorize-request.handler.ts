import { Injectable } from '@nestjs/common';
import { decideAccess, type AccessDecision } from '../../domain/access/access-decision.js';
import { MembershipLookup } from '../../domain/projects/project.repository.js';
import type { AuthorizeRequestQuery } from './authorize-request.query.js';

/** One permission check of one request, with the requester's membership read fresh. */
@Injectable()
export class AuthorizeRequestHandler {
  constructor(private readonly memberships: MembershipLookup) {}

  async execute(query: AuthorizeRequestQuery): Promise<AccessDecision> {
    const { principal, projectId, permission } = query;
    const role = await this.memberships.roleOf(principal.userId, projectId);
    const decision = decideAccess({ isAdmin: principal.isAdmin, scope: principal.apiKey }, role, projectId, permission);
    // An admin asking for a project that does not exist still gets 404, not an empty success.
    if (decision === 'allowed' && role === undefined && !(await this.memberships.projectExists(projectId)))
      return 'hidden';
    return decision;
  }
}
