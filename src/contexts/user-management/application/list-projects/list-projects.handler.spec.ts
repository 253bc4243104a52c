import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { Project } from '../../domain/projects/project.js';
import { ListProjectsHandler } from './list-projects.handler.js';

function arrange() {
  const ports = fakeUserManagementPorts();
  const mine = Project.create('mine', 'user-1');
  const theirs = Project.create('theirs', 'user-2');
  ports.projects.add(mine, theirs);
  return { mine, theirs, handler: new ListProjectsHandler(ports.projects) };
}

describe('listing projects', () => {
  it('lists only the projects the caller is a member of, with their role', async () => {
    const { mine, handler } = arrange();
    const page = await handler.list({ kind: 'user', userId: 'user-1', isAdmin: false }, 10);
    expect(page.items).toEqual([expect.objectContaining({ id: mine.id, role: 'owner' })]);
  });

  it('lists every project to an admin', async () => {
    const { handler } = arrange();
    const page = await handler.list({ kind: 'user', userId: 'admin', isAdmin: true }, 10);
    expect(page.items).toHaveLength(2);
  });

  it('loads one project with its members, or answers not found', async () => {
    const { theirs, handler } = arrange();
    await expect(handler.one(theirs.id)).resolves.toBe(theirs);
    await expect(handler.one('missing')).rejects.toThrow(NotFoundError);
  });
});
