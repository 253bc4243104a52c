import { Injectable } from '@nestjs/common';
import { UserManagementFacade } from '@contexts/user-management';
import { ApproverProjects } from '../../application/ports/approver-projects.js';

/** Asks user-management, which owns memberships and roles, in which projects a user may approve. */
@Injectable()
export class FacadeApproverProjects extends ApproverProjects {
  constructor(private readonly users: UserManagementFacade) {
    super();
  }

  of(userId: string): Promise<string[]> {
    return this.users.projectsGranting(userId, 'workflow:approve');
  }
}
