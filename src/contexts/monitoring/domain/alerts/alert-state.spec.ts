import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { INACTIVE, observe, type AlertStatus } from './alert-state.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
const timing = { forMs: 30_000, keepFiringForMs: 0 };

describe('the alert state machine', () => {
  it('goes pending when the condition first holds, firing once it held for `for`, resolved when it breaks', () => {
    const pending = observe(INACTIVE, { met: true, at: at(0) }, timing);
    const stillPending = observe(pending, { met: true, at: at(29) }, timing);
    const firing = observe(stillPending, { met: true, at: at(30) }, timing);
    const resolved = observe(firing, { met: false, at: at(40) }, timing);
    expect([pending.state, stillPending.state, firing.state, resolved.state]).toEqual([
      'pending',
      'pending',
      'firing',
      'resolved',
    ]);
  });

  it('fires at once when `for` is zero', () => {
    expect(observe(INACTIVE, { met: true, at: at(0) }, { forMs: 0, keepFiringForMs: 0 }).state).toBe('firing');
  });

  it('drops a pending alert back to inactive when the condition breaks', () => {
    const pending = observe(INACTIVE, { met: true, at: at(0) }, timing);
    expect(observe(pending, { met: false, at: at(10) }, timing)).toEqual(INACTIVE);
  });

  it('keeps firing through a break shorter than keepFiringFor', () => {
    const keep = { forMs: 0, keepFiringForMs: 60_000 };
    const firing = observe(INACTIVE, { met: true, at: at(0) }, keep);
    expect(observe(firing, { met: false, at: at(59) }, keep).state).toBe('firing');
    expect(observe(firing, { met: false, at: at(60) }, keep).state).toBe('resolved');
  });

  it('starts a new pending period when a resolved alert holds again', () => {
    const resolved: AlertStatus = { state: 'resolved', activeSince: null, lastMetAt: at(0) };
    expect(observe(resolved, { met: true, at: at(100) }, timing)).toMatchObject({
      state: 'pending',
      activeSince: at(100),
    });
  });

  const observations = fc.array(fc.record({ met: fc.boolean(), gap: fc.integer({ min: 1, max: 20_000 }) }), {
    maxLength: 60,
  });

  it('never fires before the condition held without a break for `for`', () => {
    fc.assert(
      fc.property(observations, fc.integer({ min: 1, max: 120_000 }), (steps, forMs) => {
        let status = INACTIVE;
        let time = 0;
        let streakStart: number | null = null;
        for (const { met, gap } of steps) {
          time += gap;
          const before = status.state;
          status = observe(status, { met, at: new Date(time) }, { forMs, keepFiringForMs: 0 });
          streakStart = met ? (streakStart ?? time) : null;
          if (before !== 'firing' && status.state === 'firing') {
            expect(streakStart).not.toBeNull();
            expect(time - (streakStart ?? time)).toBeGreaterThanOrEqual(forMs);
          }
        }
      }),
    );
  });

  it('is firing exactly while the condition holds when `for` and keepFiringFor are zero', () => {
    fc.assert(
      fc.property(observations, (steps) => {
        let status = INACTIVE;
        let time = 0;
        for (const { met, gap } of steps) {
          time += gap;
          status = observe(status, { met, at: new Date(time) }, { forMs: 0, keepFiringForMs: 0 });
          expect(status.state === 'firing').toBe(met);
        }
      }),
    );
  });
});
