import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decide, type NotificationGroupState } from './notification-group.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
const timing = { groupWaitMs: 10_000, groupIntervalMs: 60_000, repeatIntervalMs: 3_600_000 };
const fresh: NotificationGroupState = { firstSeenAt: at(0), lastNotifiedAt: null, notifiedFiring: [] };

describe('when a notification group speaks', () => {
  it('waits groupWait before its first notification, so alerts arriving together go together', () => {
    expect(decide(fresh, ['a'], at(9), timing)).toBe('wait');
    expect(decide(fresh, ['a', 'b'], at(10), timing)).toBe('notify');
  });

  it('forgets a group whose alerts stopped firing before it ever spoke', () => {
    expect(decide(fresh, [], at(5), timing)).toBe('forget');
  });

  it('sends a change no sooner than groupInterval after the last notification', () => {
    const told = { ...fresh, lastNotifiedAt: at(10), notifiedFiring: ['a'] };
    expect(decide(told, ['a', 'b'], at(69), timing)).toBe('wait');
    expect(decide(told, ['a', 'b'], at(70), timing)).toBe('notify');
    // A resolution is a change too: the receivers hear of it.
    expect(decide(told, [], at(70), timing)).toBe('notify');
  });

  it('repeats an unchanged group every repeatInterval while it fires, and forgets it once all is told', () => {
    const told = { ...fresh, lastNotifiedAt: at(10), notifiedFiring: ['a'] };
    expect(decide(told, ['a'], at(3609), timing)).toBe('wait');
    expect(decide(told, ['a'], at(3610), timing)).toBe('notify');
    expect(decide({ ...told, notifiedFiring: [] }, [], at(20), timing)).toBe('forget');
  });

  it('never notifies within groupInterval of the last notification, whatever fires', () => {
    const fingerprints = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'));
    fc.assert(
      fc.property(fingerprints, fingerprints, fc.integer({ min: 0, max: 59_999 }), (told, firing, elapsedMs) => {
        const state = { firstSeenAt: at(0), lastNotifiedAt: at(100), notifiedFiring: told };
        const now = new Date(at(100).getTime() + elapsedMs);
        expect(decide(state, firing, now, timing)).not.toBe('notify');
      }),
    );
  });
});
