import type { ProjectRole } from '../../domain/access/permission.js';

export interface SetProjectMemberCommand {
  readonly actorId: string;
  readonly projectId: string;
  readonly userId: string;
  /** null removes the member. */
  readonly role: ProjectRole | null;
  readonly ip: string;
}
