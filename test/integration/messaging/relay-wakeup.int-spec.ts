import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { OUTBOX_CHANNEL } from '@libs/messaging';
import { waitFor } from '@libs/testing';
import pg from 'pg';
import { BusFixture } from './bus-fixture.js';

/**
 * How a commit that wrote an outbox wakes relays (ADR 0002): the relay of this process by its bell,
 * relays of other processes by a NOTIFY sent after the commit, and only when this process has none.
 */
describe('waking the outbox relays after a commit', () => {
  let bus: BusFixture;
  let listener: pg.Client;
  const notified: string[] = [];

  beforeEach(async () => {
    bus = new BusFixture();
    await bus.setUp();
    notified.length = 0;
    listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    listener.on('notification', (message) => notified.push(message.payload ?? ''));
    await listener.connect();
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  });

  afterEach(async () => {
    await listener.end();
    await bus.tearDown();
  });

  it('notifies the relays of other processes when this process hosts none of the schema', async () => {
    await bus.publish('a');
    await waitFor(() => notified.length > 0, { what: 'the notification' });
    expect(notified).toEqual([bus.producerSchema]);
  });

  it('rings the relay of this process instead, sending no notification', async () => {
    let rings = 0;
    bus.wakeups.register(bus.producerSchema, () => (rings += 1));
    await bus.publish('rung here');
    bus.wakeups.unregister(bus.producerSchema);
    // Notifications arrive in commit order: once this later one is in, an earlier one would be too.
    await bus.publish('notified');
    await waitFor(() => notified.length > 0, { what: 'the notification of the second commit' });
    expect(rings).toBe(1);
    expect(notified).toEqual([bus.producerSchema]);
  });

  it('neither rings nor notifies for a rolled-back transaction', async () => {
    let rings = 0;
    bus.wakeups.register(bus.producerSchema, () => (rings += 1));
    await bus.publish('ghost', { rollback: true });
    bus.wakeups.unregister(bus.producerSchema);
    await bus.publish('notified');
    await waitFor(() => notified.length > 0, { what: 'the notification of the committed transaction' });
    expect(rings).toBe(0);
    expect(notified).toEqual([bus.producerSchema]);
  });
});
