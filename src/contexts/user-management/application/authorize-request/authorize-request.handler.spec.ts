import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import type { Principal } from '../../contracts/principal.js';
import { PERMISSIONS, PROJECT_ROLES, roleGrants } from '../../domain/access/permission.js';
import { Project } from '../../domain/projects/project.js';
import { AuthorizeRequestHandler } from './authorize-request.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  const project = Project.create('vision', 'owner-1');
  ports.projects.add(project);
  return { ports, project, handler: new AuthorizeRequestHandler(ports.memberships, ports.keyOwnerRoles) };
}

const user = (userId: string, isAdmin = false): Principal => ({ kind: 'user', userId, isAdmin });

describe('authorizing a request', () => {
  it('allows a member exactly the permissions their current role grants', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PROJECT_ROLES), fc.constantFrom(...PERMISSIONS), async (role, permission) => {
        const { ports, project, handler } = arrange();
        project.setMember('member-1', role);
        const decision = await handler.execute({ principal: user('member-1'), projectId: project.id, permission });
        expect(decision).toBe(roleGrants(role, permission) ? 'allowed' : 'denied');
        expect(ports.projects.saved).toEqual([]);
      }),
    );
  });

  it('hides a project from someone who is not a member', async () => {
    const { project, handler } = arrange();
    await expect(
      handler.execute({ principal: user('stranger'), projectId: project.id, permission: 'project:read' }),
    ).resolves.toBe('hidden');
  });

  it('allows an admin in a project they are not a member of', async () => {
    const { project, handler } = arrange();
    await expect(
      handler.execute({ principal: user('admin', true), projectId: project.id, permission: 'project:admin' }),
    ).resolves.toBe('allowed');
  });

  it('hides a project that does not exist even from an admin', async () => {
    const { handler } = arrange();
    await expect(
      handler.execute({ principal: user('admin', true), projectId: 'no-such-project', permission: 'project:read' }),
    ).resolves.toBe('hidden');
  });

  it('denies an API key a permission outside its scope though its owner holds it', async () => {
    const { project, handler } = arrange();
    const principal: Principal = {
      ...user('owner-1'),
      kind: 'api-key',
      apiKey: { id: 'k', projectId: project.id, permissions: ['project:read'] },
    };
    await expect(handler.execute({ principal, projectId: project.id, permission: 'project:read' })).resolves.toBe(
      'allowed',
    );
    await expect(handler.execute({ principal, projectId: project.id, permission: 'workflow:write' })).resolves.toBe(
      'denied',
    );
  });

  it('hides every other project from an API key, even one its owner belongs to', async () => {
    const { ports, project, handler } = arrange();
    const other = Project.create('other', 'owner-1');
    ports.projects.add(other);
    const principal: Principal = {
      ...user('owner-1'),
      kind: 'api-key',
      apiKey: { id: 'k', projectId: project.id, permissions: ['project:read'] },
    };
    await expect(handler.execute({ principal, projectId: other.id, permission: 'project:read' })).resolves.toBe(
      'hidden',
    );
  });

  it('reads the membership fresh, so a removed member loses access at once', async () => {
    const { project, handler } = arrange();
    project.setMember('member-1', 'editor');
    await expect(
      handler.execute({ principal: user('member-1'), projectId: project.id, permission: 'workflow:write' }),
    ).resolves.toBe('allowed');
    project.removeMember('member-1');
    await expect(
      handler.execute({ principal: user('member-1'), projectId: project.id, permission: 'workflow:write' }),
    ).resolves.toBe('hidden');
  });
});
