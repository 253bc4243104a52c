import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { LastOwnerCannotLeave } from '../../domain/errors.js';
import { Project } from '../../domain/projects/project.js';
import { SetProjectMemberHandler } from './set-project-member.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  const owner = person('olga');
  const newcomer = person('nina');
  const project = Project.create('vision', owner.id);
  project.pullMembershipChanges();
  ports.users.add(owner, newcomer);
  ports.projects.add(project);
  const handler = new SetProjectMemberHandler(
    ports.projects,
    ports.users,
    ports.transaction,
    ports.audit,
    ports.events,
  );
  const command = (userId: string, role: 'owner' | 'editor' | 'viewer' | null) => ({
    actorId: owner.id,
    projectId: project.id,
    userId,
    role,
    ip: '192.0.2.1',
  });
  return { ports, owner, newcomer, project, handler, command };
}

describe('setting a project member', () => {
  it('grants a role, saved with one audited and published change', async () => {
    const { ports, newcomer, project, handler, command } = arrange();
    const saved = await handler.execute(command(newcomer.id, 'editor'));
    expect(saved.roleOf(newcomer.id)).toBe('editor');
    expect(ports.projects.saved).toEqual([project]);
    expect(ports.events.published).toEqual([
      {
        type: 'user-management.membership.changed.v1',
        payload: { projectId: project.id, userId: newcomer.id, role: 'editor', previousRole: null },
        aggregateId: project.id,
      },
    ]);
    expect(ports.audit.entries).toEqual([
      expect.objectContaining({ action: 'membership.changed', subjectId: newcomer.id }),
    ]);
  });

  it('changes and removes a role, each change carrying the role before it', async () => {
    const { ports, newcomer, project, handler, command } = arrange();
    await handler.execute(command(newcomer.id, 'editor'));
    await handler.execute(command(newcomer.id, 'viewer'));
    await handler.execute(command(newcomer.id, null));
    expect(project.roleOf(newcomer.id)).toBeUndefined();
    expect(ports.events.published.map((event) => event.payload)).toEqual([
      expect.objectContaining({ role: 'editor', previousRole: null }),
      expect.objectContaining({ role: 'viewer', previousRole: 'editor' }),
      expect.objectContaining({ role: null, previousRole: 'viewer' }),
    ]);
  });

  it('publishes nothing when the role is already the one asked for', async () => {
    const { ports, owner, handler, command } = arrange();
    await handler.execute(command(owner.id, 'owner'));
    expect(ports.events.published).toEqual([]);
  });

  it('keeps the last owner: neither demoting nor removing them is allowed', async () => {
    const { ports, owner, project, handler, command } = arrange();
    await expect(handler.execute(command(owner.id, 'editor'))).rejects.toThrow(LastOwnerCannotLeave);
    await expect(handler.execute(command(owner.id, null))).rejects.toThrow(LastOwnerCannotLeave);
    expect(project.roleOf(owner.id)).toBe('owner');
    expect(ports.projects.saved).toEqual([]);
  });

  it('lets an owner step down once another owner exists', async () => {
    const { owner, newcomer, project, handler, command } = arrange();
    await handler.execute(command(newcomer.id, 'owner'));
    await handler.execute(command(owner.id, 'viewer'));
    expect(project.memberList()).toEqual(
      expect.arrayContaining([
        { userId: newcomer.id, role: 'owner' },
        { userId: owner.id, role: 'viewer' },
      ]),
    );
  });

  it('answers an unknown project or an unknown user as not found', async () => {
    const { ports, handler, command } = arrange();
    await expect(handler.execute({ ...command('someone', 'viewer'), projectId: 'missing' })).rejects.toThrow(
      NotFoundError,
    );
    await expect(handler.execute(command('nobody', 'viewer'))).rejects.toThrow(NotFoundError);
    expect(ports.projects.saved).toEqual([]);
  });
});
