import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { Project } from '../../domain/projects/project.js';
import { GetProjectHandler } from './get-project.handler.js';

describe('getting a project', () => {
  it('loads one project with its members, or answers not found', async () => {
    const ports = fakeUserManagementPorts();
    const theirs = Project.create('theirs', 'user-2');
    ports.projects.add(theirs);
    const handler = new GetProjectHandler(ports.projects);
    await expect(handler.execute({ projectId: theirs.id })).resolves.toBe(theirs);
    await expect(handler.execute({ projectId: 'missing' })).rejects.toThrow(NotFoundError);
  });
});
