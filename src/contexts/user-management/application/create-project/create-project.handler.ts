import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@libs/messaging/ports';
import { AuditLog } from '../../domain/audit/audit-entry.js';
import { Project } from '../../domain/projects/project.js';
import { ProjectRepository } from '../../domain/projects/project.repository.js';
import type { UserManagementEvents } from '../../contracts/events.js';
import { Transaction } from '../ports/transaction.js';
import type { CreateProjectCommand } from './create-project.command.js';
import { recordMembershipChanges } from '../services/record-membership-changes.js';

/** Any signed-in person may create a project, and owns it. */
@Injectable()
export class CreateProjectHandler {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly transaction: Transaction,
    private readonly audit: AuditLog,
    private readonly events: EventPublisher<UserManagementEvents>,
  ) {}

  async execute({ actorId, name, ip }: CreateProjectCommand): Promise<Project> {
    const project = Project.create(name, actorId);
    await this.transaction.run(async () => {
      await this.projects.save(project);
      await this.audit.record({ action: 'project.created', actorId, subjectId: project.id, projectId: project.id, ip });
      await this.events.publish(
        'user-management.project.created.v1',
        { projectId: project.id, name: project.name, ownerId: actorId },
        { aggregateId: project.id },
      );
      await recordMembershipChanges(project, { actorId, ip }, this.audit, this.events);
    });
    return project;
  }
}
