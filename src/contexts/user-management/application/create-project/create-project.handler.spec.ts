import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { CreateProjectHandler } from './create-project.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  return { ports, handler: new CreateProjectHandler(ports.projects, ports.transaction, ports.audit, ports.events) };
}

describe('creating a project', () => {
  it('saves the project with its creator as owner, publishing the creation then the membership', async () => {
    const { ports, handler } = arrange();
    const project = await handler.execute({ actorId: 'user-1', name: '  vision  ', ip: '192.0.2.1' });
    expect(ports.projects.saved).toEqual([project]);
    expect(project.name).toBe('vision');
    expect(project.roleOf('user-1')).toBe('owner');
    expect(ports.events.published).toEqual([
      expect.objectContaining({
        type: 'user-management.project.created.v1',
        payload: { projectId: project.id, name: 'vision', ownerId: 'user-1' },
      }),
      expect.objectContaining({
        type: 'user-management.membership.changed.v1',
        payload: { projectId: project.id, userId: 'user-1', role: 'owner', previousRole: null },
      }),
    ]);
    expect(ports.transaction.runs).toBe(1);
  });

  it('refuses a blank name without saving', async () => {
    const { ports, handler } = arrange();
    await expect(handler.execute({ actorId: 'user-1', name: '   ', ip: '192.0.2.1' })).rejects.toThrow(ValidationError);
    expect(ports.projects.saved).toEqual([]);
  });
});
