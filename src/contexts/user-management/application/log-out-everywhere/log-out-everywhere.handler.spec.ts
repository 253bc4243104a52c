import { describe, expect, it } from '@jest/globals';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { loggedIn } from '../../../../../test/support/user-management/sessions.js';
import { LogOutEverywhereHandler } from './log-out-everywhere.handler.js';

describe('logging out everywhere', () => {
  it("ends every session of the caller, the current one included, and no one else's", async () => {
    const ports = fakeUserManagementPorts();
    loggedIn(ports, 'user-1', 'laptop');
    loggedIn(ports, 'user-1', 'phone');
    loggedIn(ports, 'user-2', 'theirs');
    const handler = new LogOutEverywhereHandler(ports.termination);

    await expect(handler.execute({ userId: 'user-1', ip: '192.0.2.1' })).resolves.toBe(2);

    expect([...ports.sessions.live.keys()]).toEqual(['theirs']);
    expect(ports.families.byId.get('laptop')?.isLive(new Date())).toBe(false);
    expect(ports.families.byId.get('theirs')?.isLive(new Date())).toBe(true);
    expect(ports.events.published).toEqual([
      expect.objectContaining({
        payload: { userId: 'user-1', sessionIds: ['laptop', 'phone'], reason: 'logout-everywhere' },
      }),
    ]);
  });
});
