import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { waitFor } from '@libs/testing';
import { atomicUnits, crossSlotUnits, type MonitoredCommand } from '../support/redis-cluster-slots.js';
import { createWorkflow, startWorkflowWorld, waitForRun, type WorkflowWorld } from './workflows-support.js';

const DIAMOND = {
  name: 'diamond',
  tasks: [
    { id: 'extract', type: 'noop', params: { outputs: { rows: 3 } } },
    { id: 'clean', type: 'noop', dependsOn: ['extract'] },
    { id: 'features', type: 'noop', dependsOn: ['extract'] },
    { id: 'train', type: 'noop', dependsOn: ['clean', 'features'] },
  ],
};

/**
 * Redis Cluster readiness (ARCHITECTURE section 11): every command Redis runs as one (a script and
 * its calls, a transaction, a multi-key command) must keep its keys in one hash slot. This records
 * every command the whole platform sends while it signs users in, runs a workflow on BullMQ, passes
 * events between contexts and counts rate limits, then asks Redis for each command's keys.
 */
describe('Redis keys of one atomic command share a Cluster slot (the whole platform, MONITOR)', () => {
  let monitor: Redis;
  let world: WorkflowWorld;
  const log: MonitoredCommand[] = [];
  const db = new URL(process.env.REDIS_URL!).pathname.slice(1) || '0';

  beforeAll(async () => {
    const monitoring = new Redis(process.env.REDIS_URL!);
    monitor = await monitoring.monitor();
    monitoring.disconnect();
    monitor.on('monitor', (_time: string, args: string[], source: string, database: string) => {
      if (database === db) log.push({ source, db: database, args });
    });
    // Rate limits on (an earlier file of this worker may have turned them off): their scripts are recorded too.
    world = await startWorkflowWorld({ RATE_LIMIT_ENABLED: 'true' }, 'all');
  });
  afterAll(async () => {
    monitor?.disconnect();
    await world?.app.close();
  });

  it('finds no command, script or transaction whose keys span two slots', async () => {
    const { owner, projectId } = world;
    const workflowId = await createWorkflow(owner.client, projectId, DIAMOND);
    const started = await owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, { params: {} });
    expect(started.status).toBe(201);
    expect((await waitForRun(owner.client, started.body.id)).state).toBe('succeeded');
    const model = await owner.client.call('POST', `/api/v1/projects/${projectId}/models`, { name: 'churn' });
    expect(model.status).toBe(201);
    expect(
      (await owner.client.call('POST', `/api/v1/models/${model.body.id}/versions`, { framework: 'onnx' })).status,
    ).toBe(201);
    const refreshed = await owner.client.call('POST', '/api/v1/auth/refresh', {
      refreshToken: owner.tokens.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    // Until a consumer group of another context has read the registry's events: streams read and acknowledged.
    await waitFor(() => log.some((command) => command.args[0]?.toLowerCase() === 'xack'), {
      what: 'an acknowledged event',
    });
    expect((await owner.client.call('POST', '/api/v1/auth/logout', {})).status).toBeLessThan(300);

    // Recording stops here: the check's own COMMAND GETKEYS calls are not the platform's.
    monitor.disconnect();
    const checker = new Redis(process.env.REDIS_URL!);
    try {
      let multiKey = 0;
      const crossing = await crossSlotUnits(checker, atomicUnits(log), (count) => (multiKey = count));
      expect(crossing).toEqual([]);
      // The recording saw the platform's multi-key work: BullMQ's scripts, sessions' transactions, rate limits.
      expect(multiKey).toBeGreaterThan(20);
    } finally {
      checker.disconnect();
    }
  });

  it('fails a command, a script or a transaction whose keys would land in different slots', async () => {
    const checker = new Redis(process.env.REDIS_URL!);
    try {
      const client = '127.0.0.1:1';
      const crossing = await crossSlotUnits(
        checker,
        atomicUnits([
          { source: client, db, args: ['mset', '{a}:1', 'x', '{b}:1', 'y'] },
          { source: client, db, args: ['mset', '{a}:1', 'x', '{a}:2', 'y'] },
          { source: client, db, args: ['evalsha', 'f00', '1', '{a}:1'] },
          { source: 'lua', db, args: ['get', '{a}:1'] },
          { source: 'lua', db, args: ['get', 'elsewhere'] },
          { source: client, db, args: ['multi'] },
          { source: client, db, args: ['incr', '{a}:1'] },
          { source: client, db, args: ['incr', '{b}:1'] },
          { source: client, db, args: ['exec'] },
        ]),
      );
      expect(crossing.map((unit) => unit.commands[0])).toEqual([
        'mset {a}:1 x {b}:1',
        'evalsha f00 1 {a}:1',
        'incr {a}:1',
      ]);
    } finally {
      checker.disconnect();
    }
  });
});
