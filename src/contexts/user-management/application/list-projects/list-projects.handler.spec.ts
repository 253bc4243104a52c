import { describe, expect, it } from '@jest/globals';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { Project } from '../../domain/projects/project.js';
import { ListProjectsHandler } from './list-projects.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  const mine = Project.create('mine', 'user-1');
  const theirs = Project.create('theirs', 'user-2');
  ports.projects.add(mine, theirs);
  return { mine, handler: new ListProjectsHandler(ports.projects) };
}

describe('listing projects', () => {
  it('lists only the projects the caller is a member of, with their role', async () => {
    const { mine, handler } = arrange();
    const page = await handler.execute({ principal: { kind: 'user', userId: 'user-1', isAdmin: false }, limit: 10 });
    expect(page.items).toEqual([expect.objectContaining({ id: mine.id, role: 'owner' })]);
  });

  it('lists every project to an admin', async () => {
    const { handler } = arrange();
    const page = await handler.execute({ principal: { kind: 'user', userId: 'admin', isAdmin: true }, limit: 10 });
    expect(page.items).toHaveLength(2);
  });
});
