import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor, type AppProcess } from '@libs/testing';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { effectsOf, recordProbe, startConsumer, startProducer } from '../support/probe-app/probe-app.js';

describe('a relay killed between XADD and marking the row published', () => {
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, poolSize: 2 });
  const redis = new Redis(process.env.REDIS_URL!);
  const started: AppProcess[] = [];

  beforeAll(() => dataSource.initialize());
  afterAll(async () => {
    await Promise.all(started.map((app) => app.kill()));
    await dataSource.destroy();
    redis.disconnect();
  });

  it('sends the event again after restart, and its effect still happens once', async () => {
    const consumer = await startConsumer();
    const crashing = await startProducer({ CRASH_POINTS: 'outbox.after-xadd' });
    started.push(consumer, crashing);

    await recordProbe(crashing, 'crash-1');
    expect(await crashing.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const [unpublished] = await dataSource.query(
      "SELECT id FROM probe_producer.outbox WHERE envelope->'payload'->>'key' = 'crash-1'",
    );
    expect(unpublished).toBeDefined();

    const restarted = await startProducer();
    started.push(restarted);
    const stream = 'events.probe-producer';
    await waitFor(async () => (await redis.xlen(stream)) >= 2, { what: 'the re-publish' });
    await waitFor(async () => String(await redis.xinfo('GROUPS', stream)).includes('pending,0,last-delivered-id'), {
      what: 'the consumer to settle',
    });
    const sent = (await redis.xrange(stream, '-', '+')).filter(([, fields]) => fields[3].includes(unpublished.id));
    expect(sent).toHaveLength(2);
    expect(await effectsOf(dataSource, 'crash-1')).toEqual([{ event_id: unpublished.id, pid: consumer.child.pid }]);
  });
});
