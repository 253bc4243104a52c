import { describe, expect, it } from '@jest/globals';
import { ForbiddenError, NotFoundError, ValidationError } from '@libs/ddd';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { Project } from '../../domain/projects/project.js';
import { User } from '../../domain/users/user.js';
import type { CreateApiKeyCommand } from './create-api-key.command.js';
import { CreateApiKeyHandler } from './create-api-key.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  const owner = person('olga');
  const editor = person('ed');
  const robot = User.serviceAccount('ci robot');
  const project = Project.create('vision', owner.id);
  project.setMember(editor.id, 'editor');
  project.setMember(robot.id, 'editor');
  ports.users.add(owner, editor, robot);
  ports.projects.add(project);
  const handler = new CreateApiKeyHandler(
    ports.keys,
    ports.users,
    ports.memberships,
    ports.secrets,
    ports.transaction,
    ports.audit,
    ports.events,
  );
  const command = (actor: User, changes: Partial<CreateApiKeyCommand> = {}): CreateApiKeyCommand => ({
    actorId: actor.id,
    actorIsAdmin: actor.isAdmin,
    projectId: project.id,
    name: 'ci',
    permissions: ['workflow:run'],
    expiresAt: null,
    ip: '192.0.2.1',
    ...changes,
  });
  return { ports, owner, editor, robot, project, handler, command };
}

describe('creating an API key', () => {
  it('issues a key of the actor, stores only its hash and shows the secret once', async () => {
    const { ports, editor, project, handler, command } = arrange();
    const created = await handler.execute(command(editor));
    const stored = ports.keys.saved[0].snapshot;
    expect(stored).toMatchObject({ ownerId: editor.id, projectId: project.id, permissions: ['workflow:run'] });
    expect(stored.secretHash).toBe(ports.secrets.digest(created.secret));
    expect(ports.events.types()).toEqual(['user-management.api-key.created.v1']);
    expect(ports.audit.entries).toEqual([
      expect.objectContaining({ action: 'api-key.created', subjectId: created.key.id }),
    ]);
  });

  it('refuses a permission the owner does not hold in the project', async () => {
    const { ports, editor, handler, command } = arrange();
    await expect(handler.execute(command(editor, { permissions: ['model:approve'] }))).rejects.toThrow(ForbiddenError);
    expect(ports.keys.saved).toEqual([]);
  });

  it('answers a project the owner is not a member of, or that does not exist, as not found', async () => {
    const { ports, handler, command } = arrange();
    const stranger = person('stan');
    ports.users.add(stranger);
    await expect(handler.execute(command(stranger))).rejects.toThrow(NotFoundError);
    await expect(handler.execute(command(stranger, { projectId: 'missing' }))).rejects.toThrow(NotFoundError);
    expect(ports.keys.saved).toEqual([]);
  });

  it('refuses a key without permissions', async () => {
    const { editor, handler, command } = arrange();
    await expect(handler.execute(command(editor, { permissions: [] }))).rejects.toThrow(ValidationError);
  });

  it("lets a project admin issue a key for a service account, bounded by the account's own role", async () => {
    const { ports, owner, robot, handler, command } = arrange();
    const created = await handler.execute(command(owner, { serviceAccountId: robot.id }));
    expect(created.key.snapshot).toMatchObject({ ownerId: robot.id, createdBy: owner.id });
    await expect(
      handler.execute(command(owner, { serviceAccountId: robot.id, permissions: ['project:admin'] })),
    ).rejects.toThrow(ForbiddenError);
    expect(ports.keys.saved).toHaveLength(1);
  });

  it('refuses a service account key to a member without project:admin', async () => {
    const { ports, editor, robot, handler, command } = arrange();
    await expect(handler.execute(command(editor, { serviceAccountId: robot.id }))).rejects.toThrow(ForbiddenError);
    expect(ports.keys.saved).toEqual([]);
  });

  it('answers a person named as the service account as not found', async () => {
    const { owner, editor, handler, command } = arrange();
    await expect(handler.execute(command(owner, { serviceAccountId: editor.id }))).rejects.toThrow(NotFoundError);
  });

  it('issues nothing for a disabled owner', async () => {
    const { ports, editor, handler, command } = arrange();
    editor.disable();
    await expect(handler.execute(command(editor))).rejects.toThrow(NotFoundError);
    expect(ports.keys.saved).toEqual([]);
  });
});
