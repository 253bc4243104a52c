import { describe, expect, it } from '@jest/globals';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { ListUsersHandler } from './list-users.handler.js';

describe('listing users', () => {
  it('pages through the accounts with the cursor it hands out', async () => {
    const ports = fakeUserManagementPorts();
    const [a, b, c] = [person('a'), person('b'), person('c')];
    ports.users.add(a, b, c);
    const handler = new ListUsersHandler(ports.users);
    const first = await handler.execute({ limit: 2 });
    const second = await handler.execute({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect([...first.items, ...second.items]).toEqual([a, b, c]);
    expect(second.nextCursor).toBeNull();
  });
});
