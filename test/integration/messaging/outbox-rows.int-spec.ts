import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { OutboxRows } from '../../../libs/messaging/src/relay/outbox-rows.js';
import { BusFixture } from './bus-fixture.js';

/** The relay's statements on a real outbox: marking rows sent lets their commit skip the WAL flush. */
describe("the relay's outbox rows", () => {
  let bus: BusFixture;

  beforeEach(async () => {
    bus = new BusFixture();
    await bus.setUp();
  });

  afterEach(async () => {
    await bus.tearDown();
  });

  it('marks claimed rows sent with their entry ids, in a transaction that then commits without waiting for the flush', async () => {
    await bus.publish('a');
    await bus.publish('b');
    const rows = new OutboxRows(bus.producerSchema);
    const setting = await bus.dataSource.transaction(async (manager) => {
      const claimed = await rows.claimUnsent(manager, 10);
      expect(claimed).toHaveLength(2);
      await rows.markSent(manager, claimed, ['1-0', '1-1']);
      const [{ synchronous_commit }] = await manager.query<{ synchronous_commit: string }[]>(
        "SELECT current_setting('synchronous_commit') AS synchronous_commit",
      );
      return synchronous_commit;
    });
    expect(setting).toBe('off');
    const sent = await bus.dataSource.query<{ stream_entry_id: string | null }[]>(
      `SELECT stream_entry_id FROM "${bus.producerSchema}".outbox ORDER BY seq`,
    );
    expect(sent.map((row) => row.stream_entry_id)).toEqual(['1-0', '1-1']);
    // SET LOCAL: the pooled connection's own setting is back once the transaction ends.
    const [{ after }] = await bus.dataSource.query<{ after: string }[]>(
      "SELECT current_setting('synchronous_commit') AS after",
    );
    expect(after).toBe('on');
  });
});
