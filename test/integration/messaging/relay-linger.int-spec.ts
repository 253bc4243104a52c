import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import { BusFixture } from './bus-fixture.js';

/**
 * The relay's linger (OUTBOX_LINGER_MS): after a pass that sent rows, the next pass waits until the
 * linger time since that one began, so the events committed meanwhile go to the stream together; a
 * ring after a quiet spell is answered at once.
 */
/** The relay counts a pass before its transaction commits: the pass is done once no row is left unsent. */
async function passDone(bus: BusFixture, passes: readonly number[], count: number): Promise<boolean> {
  return passes.length === count && (await bus.unpublished()) === 0;
}

describe('the outbox relay lingering under load', () => {
  let bus: BusFixture;

  beforeEach(async () => {
    bus = new BusFixture();
    await bus.setUp();
  });

  afterEach(() => bus.tearDown());

  it('answers a ring after a quiet spell at once and sends what came during its linger in one pass', async () => {
    const passes: number[] = [];
    // Neither the linger nor the poll ends within the test: only the rings and the stop can move the relay.
    const relay = bus.startRelay({ lingerMs: 600_000, onPass: (sent) => passes.push(sent) });
    await bus.publish('first');
    await waitFor(() => passDone(bus, passes, 1), { what: 'the pass the first ring started' });
    await bus.publish('second');
    await bus.publish('third');
    expect(await bus.unpublished()).toBe(2);
    // Stopping ends the linger and sends what is left.
    await relay.stop();
    expect(passes).toEqual([1, 2]);
    expect(await bus.unpublished()).toBe(0);
  });

  it('sends what rings brought during the linger once it is over', async () => {
    const passes: number[] = [];
    bus.startRelay({ lingerMs: 100, onPass: (sent) => passes.push(sent) });
    await bus.publish('first');
    await waitFor(() => passDone(bus, passes, 1), { what: 'the pass the first ring started' });
    await bus.publish('second');
    await waitFor(() => passDone(bus, passes, 2), { what: 'the pass after the linger' });
    expect(passes).toEqual([1, 1]);
  });
});
