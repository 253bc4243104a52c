import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import type { Project } from '../../domain/projects/project.js';
import { ProjectRepository } from '../../domain/projects/project.repository.js';
import { UserRepository } from '../../domain/users/user.repository.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import { recordMembershipChanges } from '../services/record-membership-changes.js';
import type { SetProjectMemberCommand } from './set-project-member.command.js';

/** Grants, changes or removes a role (the guard already checked project:admin). */
@Injectable()
export class SetProjectMemberHandler {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly users: UserRepository,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {}

  async execute(command: SetProjectMemberCommand): Promise<Project> {
    const project = await this.projects.findById(command.projectId);
    if (!project) throw new NotFoundError('Project', command.projectId);
    if (command.role === null) project.removeMember(command.userId);
    else {
      if (!(await this.users.findById(command.userId))) throw new NotFoundError('User', command.userId);
      project.setMember(command.userId, command.role);
    }
    await this.transaction.run(async () => {
      await this.projects.save(project);
      await recordMembershipChanges(project, { actorId: command.actorId, ip: command.ip }, this.audit, this.events);
    });
    return project;
  }
}
