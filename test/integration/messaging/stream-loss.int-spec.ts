import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BusBacklog, streamOf, StreamHistory } from '@libs/messaging';
import { waitFor } from '@libs/testing';
import { BusFixture } from './bus-fixture.js';

/**
 * ADR 0008 on the real PostgreSQL and Redis: Redis losing a stream (as a restart without persistence
 * would) is simulated by deleting the stream and the relay's marker; the whole-server case is in
 * test/reliability/redis-outage.int-spec.ts.
 */
describe('the event bus after Redis lost a stream', () => {
  let bus: BusFixture;
  let stream: string;

  beforeEach(async () => {
    bus = new BusFixture();
    await bus.setUp();
    stream = streamOf(bus.producer);
  });
  afterEach(() => bus.tearDown());

  const loseStream = () => bus.redis.del(stream, `{${stream}}:intact-since`);
  const sentRows = async (): Promise<string[]> =>
    (
      await bus.dataSource.query<{ key: string }[]>(
        `SELECT envelope->'payload'->>'key' AS key FROM "${bus.producerSchema}".outbox
          WHERE stream_entry_id IS NOT NULL ORDER BY seq`,
      )
    ).map((row) => row.key);

  it('sends again the events a group had not acknowledged, and each effect still happens once', async () => {
    bus.startRelay({ pollIntervalMs: 50 });
    const first = await bus.startConsumer();
    await bus.publish('handled');
    await waitFor(async () => (await bus.effects()).includes('handled'), { what: 'the first effect' });
    await first.stop();
    await bus.publish('sent-not-handled');
    await waitFor(async () => (await bus.unpublished()) === 0, { what: 'the relay to send it' });
    expect(await sentRows()).toContain('sent-not-handled');

    await loseStream();
    // The stream is empty: only the outbox still knows the event the group never acknowledged.
    await waitFor(async () => (await bus.redis.xlen(stream)) >= 1, { what: 'the relay to send the kept rows again' });
    await bus.startConsumer();

    await waitFor(async () => (await bus.effects()).length === 2, { what: 'the lost event to be handled' });
    expect(await bus.effects()).toEqual(['handled', 'sent-not-handled']);
    expect([bus.attemptsOf('handled'), bus.attemptsOf('sent-not-handled')]).toEqual([1, 1]);
  });

  it('makes a running consumer group again when it is gone, and keeps handling', async () => {
    bus.startRelay({ pollIntervalMs: 50 });
    const consumer = await bus.startConsumer();
    await bus.publish('before');
    await waitFor(async () => (await bus.effects()).includes('before'), { what: 'the first effect' });

    await loseStream();
    await bus.publish('after');

    await waitFor(async () => (await bus.effects()).includes('after'), { what: 'the event after the loss' });
    const groups = (await bus.redis.xinfo('GROUPS', stream)) as unknown[][];
    expect(groups.map((group) => group[1])).toEqual(['sink.record-probe']);
    expect(consumer.state).toEqual({ failing: false });
    expect(bus.attemptsOf('before')).toBe(1);
  });

  it('forgets a sent row once every group acknowledged it, and keeps it until then', async () => {
    const relay = bus.startRelay({ pollIntervalMs: 50 });
    const consumer = await bus.startConsumer();
    await consumer.stop();
    await bus.publish('waits');
    await waitFor(async () => (await bus.unpublished()) === 0, { what: 'the relay to send it' });
    relay.wake();
    expect(await sentRows()).toEqual(['waits']);

    await bus.startConsumer();
    await waitFor(async () => (await bus.effects()).includes('waits'), { what: 'the effect' });
    await waitFor(async () => (await sentRows()).length === 0, {
      timeoutMs: 15_000,
      what: 'the acknowledged row to be forgotten',
    });
  });

  it('reports a consumer group Redis no longer has as missing, for readiness', async () => {
    const consumer = await bus.startConsumer();
    const backlog = new BusBacklog(bus.dataSource, bus.redis, [bus.producerSchema], () => [consumer]);
    expect(await backlog.consumerGroups()).toEqual({ lag: { 'sink.record-probe': 0 }, missing: [] });

    await consumer.stop();
    await loseStream();

    expect(await backlog.consumerGroups()).toEqual({ lag: {}, missing: ['sink.record-probe'] });
  });

  it('does not mark the stream intact when Redis lost its data again during the resend', async () => {
    const history = new StreamHistory(bus.redis, stream);
    const interrupted = await history.beginResend();
    await bus.redis.del(`{${stream}}:resending`); // as the loss of all of Redis would
    expect(await history.markIntactAfter(interrupted)).toBe(false);
    expect(await history.isIntact()).toBe(false);

    expect(await history.markIntactAfter(await history.beginResend())).toBe(true);
    expect(await history.isIntact()).toBe(true);
  });
});
