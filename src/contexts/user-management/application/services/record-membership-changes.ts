import type { EventPublisher } from '@libs/messaging/ports';
import type { AuditLog } from '../../domain/audit/audit-entry.js';
import type { Project } from '../../domain/projects/project.js';
import type { UserManagementEvents } from '../../contracts/events.js';

/** Audits and publishes each membership change a project collected, inside the caller's transaction. */
export async function recordMembershipChanges(
  project: Project,
  by: { actorId: string; ip: string },
  audit: AuditLog,
  events: EventPublisher<UserManagementEvents>,
): Promise<void> {
  for (const change of project.pullMembershipChanges()) {
    await audit.record({
      action: 'membership.changed',
      actorId: by.actorId,
      subjectId: change.userId,
      projectId: project.id,
      ip: by.ip,
      details: { role: change.role, previousRole: change.previousRole },
    });
    await events.publish(
      'user-management.membership.changed.v1',
      { projectId: project.id, userId: change.userId, role: change.role, previousRole: change.previousRole },
      { aggregateId: project.id },
    );
  }
}
