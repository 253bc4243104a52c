import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor, type AppProcess } from '@libs/testing';
import { DataSource } from 'typeorm';
import { effectsOf, recordProbe, startConsumer, startProducer } from '../../support/probe-app/probe-app.js';

describe('contexts split over two processes (APP_CONTEXTS)', () => {
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, poolSize: 2 });
  let producer: AppProcess;
  let consumer: AppProcess;

  beforeAll(async () => {
    await dataSource.initialize();
    [producer, consumer] = await Promise.all([startProducer(), startConsumer()]);
  });

  afterAll(async () => {
    await Promise.all([producer?.stop(), consumer?.stop()]);
    await dataSource.destroy();
  });

  it('delivers an event published by one process to a handler in the other', async () => {
    const response = await recordProbe(producer, 'split-1');
    expect(response?.status).toBe(202);
    const { eventId } = (await response!.json()) as { eventId: string };

    const [effect] = await waitFor(
      async () => (await effectsOf(dataSource, 'split-1')).length > 0 && effectsOf(dataSource, 'split-1'),
      {
        what: 'the effect in the consumer process',
      },
    );
    expect(effect).toEqual({ event_id: eventId, pid: consumer.child.pid });
  });

  it('stops both processes on SIGTERM, leaving nothing unpublished', async () => {
    await recordProbe(producer, 'split-2');
    const exits = await Promise.all([producer.stop(), consumer.stop()]);
    // Nest closes the application, then re-raises the signal so the exit status tells why it stopped.
    expect(exits).toEqual([
      { code: null, signal: 'SIGTERM' },
      { code: null, signal: 'SIGTERM' },
    ]);
    expect(await dataSource.query('SELECT id FROM probe_producer.outbox WHERE stream_entry_id IS NULL')).toEqual([]);
    expect(producer.logs).not.toMatch(/error/i);
  });
});
