import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { ApiKey } from '../../domain/api-keys/api-key.js';
import { Project } from '../../domain/projects/project.js';
import { User } from '../../domain/users/user.js';
import { ListApiKeysHandler } from './list-api-keys.handler.js';

function keyOf(ownerId: string, projectId: string): ApiKey {
  return ApiKey.issue({
    ownerId,
    projectId,
    name: 'ci',
    permissions: ['project:read'],
    secretHash: `digest(${ownerId}/${projectId})`,
    prefix: 'key_',
    createdBy: ownerId,
    expiresAt: null,
    now: new Date(),
  });
}

function arrange() {
  const ports = fakeUserManagementPorts();
  const olga = person('olga');
  const robot = User.serviceAccount('ci robot');
  const mine = Project.create('mine', olga.id);
  const theirs = Project.create('theirs', 'someone-else');
  ports.users.add(olga, robot);
  ports.projects.add(mine, theirs);
  const keys = {
    olgas: keyOf(olga.id, mine.id),
    robotMine: keyOf(robot.id, mine.id),
    robotTheirs: keyOf(robot.id, theirs.id),
  };
  ports.keys.add(keys.olgas).add(keys.robotMine).add(keys.robotTheirs);
  const handler = new ListApiKeysHandler(ports.keys, ports.users, ports.memberships);
  return { olga, robot, keys, handler };
}

describe('listing API keys', () => {
  it("lists the caller's own keys", async () => {
    const { olga, keys, handler } = arrange();
    await expect(handler.execute({ actorId: olga.id, actorIsAdmin: false })).resolves.toEqual([keys.olgas]);
  });

  it("shows a service account's keys only in the projects the caller administers", async () => {
    const { olga, robot, keys, handler } = arrange();
    const listed = await handler.execute({ actorId: olga.id, actorIsAdmin: false, serviceAccountId: robot.id });
    expect(listed).toEqual([keys.robotMine]);
  });

  it("shows an admin all of a service account's keys", async () => {
    const { robot, keys, handler } = arrange();
    const listed = await handler.execute({ actorId: 'admin', actorIsAdmin: true, serviceAccountId: robot.id });
    expect(listed).toEqual([keys.robotMine, keys.robotTheirs]);
  });

  it('answers a person named as the service account as not found', async () => {
    const { olga, handler } = arrange();
    await expect(handler.execute({ actorId: 'admin', actorIsAdmin: true, serviceAccountId: olga.id })).rejects.toThrow(
      NotFoundError,
    );
  });
});
