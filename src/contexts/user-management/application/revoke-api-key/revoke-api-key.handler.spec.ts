import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { ApiKey } from '../../domain/api-keys/api-key.js';
import { Project } from '../../domain/projects/project.js';
import { RevokeApiKeyHandler } from './revoke-api-key.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  const owner = person('olga');
  const holder = person('hal');
  const project = Project.create('vision', owner.id);
  project.setMember(holder.id, 'editor');
  ports.projects.add(project);
  const key = ApiKey.issue({
    ownerId: holder.id,
    projectId: project.id,
    name: 'ci',
    permissions: ['workflow:run'],
    secretHash: 'digest(key_1)',
    prefix: 'key_',
    createdBy: holder.id,
    expiresAt: null,
    now: new Date(),
  });
  ports.keys.add(key);
  const handler = new RevokeApiKeyHandler(ports.keys, ports.memberships, ports.transaction, ports.audit, ports.events);
  return { ports, owner, holder, project, key, handler };
}

const revoking = (user: { id: string; isAdmin: boolean }, keyId: string) => ({
  actorId: user.id,
  actorIsAdmin: user.isAdmin,
  keyId,
  ip: '192.0.2.1',
});

describe('revoking an API key', () => {
  it('lets its owner revoke it, audited and published', async () => {
    const { ports, holder, key, handler } = arrange();
    await handler.execute(revoking(holder, key.id));
    expect(ports.keys.saved[0]?.isUsable(new Date())).toBe(false);
    expect(ports.audit.entries).toEqual([expect.objectContaining({ action: 'api-key.revoked', subjectId: key.id })]);
    expect(ports.events.types()).toEqual(['user-management.api-key.revoked.v1']);
  });

  it("lets the project's owner and an admin revoke someone else's key", async () => {
    const { ports, owner, key, handler } = arrange();
    await handler.execute(revoking(owner, key.id));
    await handler.execute(revoking(person('ada', { admin: true }), key.id));
    expect(ports.keys.saved).toHaveLength(2);
  });

  it('answers anyone else as if the key did not exist, and leaves it usable', async () => {
    const { ports, project, key, handler } = arrange();
    const colleague = person('col');
    project.setMember(colleague.id, 'editor');
    await expect(handler.execute(revoking(colleague, key.id))).rejects.toThrow(NotFoundError);
    await expect(handler.execute(revoking(person('stan'), key.id))).rejects.toThrow(NotFoundError);
    expect(ports.keys.saved).toEqual([]);
    expect(key.isUsable(new Date())).toBe(true);
  });

  it('answers an unknown key as not found', async () => {
    const { holder, handler } = arrange();
    await expect(handler.execute(revoking(holder, 'missing'))).rejects.toThrow(NotFoundError);
  });
});
