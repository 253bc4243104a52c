import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { newId, uuidV7Floor } from '@libs/ddd';
import { DeadLetters, streamOf } from '@libs/messaging';
import { waitFor } from '@libs/testing';
import { BusFixture } from './bus-fixture.js';

describe('the event bus on the real PostgreSQL and Redis', () => {
  let bus: BusFixture;

  beforeEach(async () => {
    bus = new BusFixture();
    await bus.setUp();
  });
  afterEach(() => bus.tearDown());

  it('delivers a committed event to the handler once, promptly after commit', async () => {
    bus.startRelay();
    await bus.startConsumer();
    await bus.publish('a');
    // The relay polls only once a minute here: delivery within the deadline proves the commit woke it.
    await waitFor(async () => (await bus.effects()).includes('a'), { what: 'effect a' });
    expect(await bus.unpublished()).toBe(0);
  });

  it('hands a handler of several event types each of them, and none of the other types of the stream', async () => {
    bus.startRelay();
    await bus.startConsumer({ kinds: ['recorded', 'revised'] });
    await bus.publish('withdrawn', { kind: 'withdrawn' });
    await bus.publish('revised', { kind: 'revised' });
    await bus.publish('recorded');
    await waitFor(async () => (await bus.effects()).includes('recorded'), { what: 'the recorded event' });
    expect(await bus.effects()).toEqual(['recorded', 'revised']);
    expect(bus.attemptsOf('withdrawn')).toBe(0);
  });

  it('never delivers an event published inside a rolled-back transaction', async () => {
    bus.startRelay();
    await bus.startConsumer();
    await bus.publish('ghost', { rollback: true });
    await bus.publish('marker');
    await waitFor(async () => (await bus.effects()).includes('marker'), { what: 'the marker event' });
    expect(await bus.effects()).toEqual(['marker']);
    expect(bus.attemptsOf('ghost')).toBe(0);
    expect(await bus.redis.xlen(streamOf(bus.producer))).toBe(1);
  });

  it('applies the effect of an event sent twice only once', async () => {
    await bus.publish('twice');
    const [row] = await bus.dataSource.query(`SELECT id, type, envelope FROM "${bus.producerSchema}".outbox`);
    const relay = bus.startRelay();
    await waitFor(async () => (await bus.unpublished()) === 0, { what: 'the first relay pass' });
    // A relay that crashed before its commit would send the row again: replay that.
    await bus.dataSource.query(`INSERT INTO "${bus.producerSchema}".outbox (id, type, envelope) VALUES ($1, $2, $3)`, [
      row.id,
      row.type,
      row.envelope,
    ]);
    relay.wake();
    await waitFor(async () => (await bus.redis.xlen(streamOf(bus.producer))) === 2, { what: 'the re-publish' });
    await bus.startConsumer();
    await bus.publish('after');
    await waitFor(async () => (await bus.effects()).includes('after'), { what: 'the later event' });
    expect(await bus.effects()).toEqual(['after', 'twice']);
    expect(bus.attemptsOf('twice')).toBe(1);
  });

  it('acknowledges the events a handler does not want without an inbox row, and handles the rest once', async () => {
    bus.startRelay();
    await bus.startConsumer({ wanting: ['kept'] });
    await bus.publish('passed-over');
    await bus.publish('kept');
    await waitFor(async () => (await bus.effects()).includes('kept'), { what: 'the wanted event' });
    const pending = async () =>
      ((await bus.redis.xpending(streamOf(bus.producer), 'sink.record-probe')) as [number])[0];
    await waitFor(async () => (await pending()) === 0, { what: 'both events acknowledged' });
    expect(await bus.effects()).toEqual(['kept']);
    expect(bus.attemptsOf('passed-over')).toBe(0);
    expect(await bus.inboxed()).toBe(1);
  });

  it('hands a batch to a batch-taking handler at once, and one by one when the batch fails', async () => {
    bus.startRelay();
    for (const key of ['a', 'b', 'c']) await bus.publish(key);
    await bus.publish('d', { fail: true });
    await bus.publish('e');
    await waitFor(async () => (await bus.unpublished()) === 0, { what: 'the five events on the stream' });
    await bus.startConsumer({ batched: true, maxDeliveries: 1 });
    await waitFor(async () => (await bus.effects()).length === 4, { what: 'the effects of the healthy events' });
    // One batch of five failed on d: rolled back whole, then each event alone, d failing again.
    expect(bus.batches).toEqual([5]);
    expect(await bus.effects()).toEqual(['a', 'b', 'c', 'e']);
    expect(['a', 'b', 'c', 'd', 'e'].map((key) => bus.attemptsOf(key))).toEqual([1, 1, 1, 1, 1]);
  });

  it('retries a failing handler, dead-letters it after N deliveries, and keeps other events flowing', async () => {
    bus.startRelay();
    await bus.startConsumer({ maxDeliveries: 3 });
    await bus.publish('poison', { fail: true });
    await bus.publish('healthy');
    await waitFor(async () => (await bus.effects()).includes('healthy'), { what: 'the healthy event' });
    // The dead-letter stream is shared: earlier tests' letters are there too.
    const letter = await waitFor(
      async () => (await new DeadLetters(bus.redis).list(100)).items.find((item) => item.type === bus.eventType),
      { what: 'the dead letter' },
    );
    expect(letter).toMatchObject({
      consumer: 'sink.record-probe',
      deliveries: 3,
      error: 'probe poison refused',
      stream: streamOf(bus.producer),
    });
    expect(bus.attemptsOf('poison')).toBe(3);
    expect(await bus.effects()).toEqual(['healthy']);
    const pending = (await bus.redis.xpending(streamOf(bus.producer), 'sink.record-probe')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
  });

  it('forgets inbox rows older than its retention, and only those', async () => {
    const inbox = `"${bus.consumerSchema}".inbox`;
    const old = uuidV7Floor(new Date(Date.now() - 25 * 3_600_000));
    const recent = newId();
    await bus.dataSource.query(
      `INSERT INTO ${inbox} (consumer, event_id) VALUES ('sink.record-probe', $1), ('sink.record-probe', $2), ('sink.other', $1)`,
      [old, recent],
    );
    await bus.startConsumer({ inboxRetentionHours: 24 });
    bus.startRelay();
    await bus.publish('after-prune');
    await waitFor(async () => (await bus.effects()).includes('after-prune'), { what: 'the consumer to run' });
    const rows: { consumer: string; event_id: string }[] = await bus.dataSource.query(
      `SELECT consumer, event_id FROM ${inbox} WHERE event_id IN ($1, $2) ORDER BY consumer, event_id`,
      [old, recent],
    );
    expect(rows).toEqual([
      { consumer: 'sink.other', event_id: old },
      { consumer: 'sink.record-probe', event_id: recent },
    ]);
  });

  it('replays a dead letter to the consumer that failed it only', async () => {
    bus.startRelay();
    await bus.startConsumer({ maxDeliveries: 1 });
    const observer = await bus.startConsumer({ observer: 'observer' });
    const deadLetters = new DeadLetters(bus.redis);
    await bus.publish('flaky', { fail: true });
    const lettersOfThisTest = async () =>
      (await deadLetters.list(100)).items.filter((item) => item.type === bus.eventType);
    const letter = await waitFor(async () => (await lettersOfThisTest())[0], { what: 'the dead letter' });
    expect(letter.consumer).toBe('sink.record-probe');

    expect(await deadLetters.replay(letter.id)).toBe(true);
    await waitFor(() => bus.attemptsOf('flaky') === 2, { what: 'the replayed delivery' });
    await waitFor(async () => (await groupInfo(bus, observer.group)).includes('entries-read,2,lag,0'), {
      what: 'the observer to read the replay',
    });
    expect(bus.attemptsOf('flaky', observer.group)).toBe(1);
    // The replayed delivery fails again and is dead-lettered anew, after the handler ran.
    const again = await waitFor(async () => (await lettersOfThisTest()).find((item) => item.id !== letter.id), {
      what: 'the second dead letter',
    });
    expect(again.consumer).toBe('sink.record-probe');
    expect((await lettersOfThisTest()).map((item) => item.consumer)).toEqual(['sink.record-probe']);
  });
});

async function groupInfo(bus: BusFixture, group: string): Promise<string> {
  const groups = (await bus.redis.xinfo('GROUPS', streamOf(bus.producer))) as unknown[][];
  return String(groups.find((info) => info[1] === group));
}
