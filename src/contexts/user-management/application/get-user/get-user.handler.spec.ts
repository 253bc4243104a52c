import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { person } from '../../../../../test/support/user-management/accounts.js';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { GetUserHandler } from './get-user.handler.js';

describe('getting a user', () => {
  it('loads one account, or answers not found', async () => {
    const ports = fakeUserManagementPorts();
    const user = person('pat');
    ports.users.add(user);
    const handler = new GetUserHandler(ports.users);
    await expect(handler.execute({ userId: user.id })).resolves.toBe(user);
    await expect(handler.execute({ userId: 'missing' })).rejects.toThrow(NotFoundError);
  });
});
