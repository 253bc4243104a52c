import { describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { RedisConnections, type PlatformConfig } from '@libs/platform';
import { freePort, waitFor } from '@libs/testing';

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

  it('frees the process at once at shutdown while Redis is down and the connection waits to reconnect', async () => {
    const timersBefore = pendingTimers();
    const connections = new RedisConnections({
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
      redisCommandTimeoutMs: 1000,
    } as PlatformConfig);
    await expect(connections.command.ping()).rejects.toThrow();
    expect(connections.command.status).toBe('reconnecting');

    await connections.onApplicationShutdown();
    const closedAt = Date.now();
    await waitFor(() => pendingTimers() <= timersBefore, { what: 'no timer left of the connection' });
    // ioredis's default wait for the socket to close (2 s) held the process up, for a socket closed already.
    expect(Date.now() - closedAt).toBeLessThan(1000);
  });
});
