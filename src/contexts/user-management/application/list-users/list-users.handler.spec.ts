import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { ListUsersHandler } from './list-users.handler.js';

describe('listing users', () => {
  it('pages through the accounts with the cursor it hands out', async () => {
    const ports = fakeUserManagementPorts();
    const [a, b, c] = [person('a'), person('b'), person('c')];
    ports.users.add(a, b, c);
    const handler = new ListUsersHandler(ports.users);
    const first = await handler.list(2);
    const second = await handler.list(2, first.nextCursor ?? undefined);
    expect([...first.items, ...second.items]).toEqual([a, b, c]);
    expect(second.nextCursor).toBeNull();
  });

  it('loads one account, or answers not found', async () => {
    const ports = fakeUserManagementPorts();
    const user = person('pat');
    ports.users.add(user);
    const handler = new ListUsersHandler(ports.users);
    await expect(handler.one(user.id)).resolves.toBe(user);
    await expect(handler.one('missing')).rejects.toThrow(NotFoundError);
  });
});
