import { describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { RedisConnections, type PlatformConfig } from '@libs/platform';

const pendingTimers = (): number => process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;

describe('RedisConnections', () => {
  it('leaves no timer behind at shutdown for a connection its user already closed', async () => {
    const connections = new RedisConnections({ redisUrl: process.env.REDIS_URL! } as PlatformConfig);
    const closedByItsUser = connections.dedicatedConnection('closed-by-its-user');
    const stillOpen = connections.dedicatedConnection('still-open');
    await Promise.all([connections.command.ping(), closedByItsUser.ping(), stillOpen.ping()]);
    const timersBefore = pendingTimers();
    closedByItsUser.disconnect();
    await once(closedByItsUser, 'end');

    const allEnded = Promise.all([once(stillOpen, 'end'), once(connections.command, 'end')]);
    await connections.onApplicationShutdown();
    await allEnded;

    expect([closedByItsUser.status, stillOpen.status, connections.command.status]).toEqual(['end', 'end', 'end']);
    expect(pendingTimers()).toBeLessThanOrEqual(timersBefore);
  });
});
