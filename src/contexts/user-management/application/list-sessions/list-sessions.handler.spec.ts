import { describe, expect, it } from '@jest/globals';
import { fakeUserManagementPorts } from '../../../../../test/support/user-management/fake-ports.js';
import { loggedIn } from '../../../../../test/support/user-management/sessions.js';
import { ListSessionsHandler } from './list-sessions.handler.js';

describe('listing sessions', () => {
  it("lists the caller's sessions newest first, marking the current one, and no one else's", async () => {
    const ports = fakeUserManagementPorts();
    loggedIn(ports, 'user-1', 'old', { createdAt: new Date('2026-01-01') });
    loggedIn(ports, 'user-1', 'new', { createdAt: new Date('2026-02-01') });
    loggedIn(ports, 'user-2', 'theirs');
    const views = await new ListSessionsHandler(ports.sessions).execute({ userId: 'user-1', currentSessionId: 'old' });
    expect(views.map((view) => [view.id, view.current])).toEqual([
      ['new', false],
      ['old', true],
    ]);
  });
});
