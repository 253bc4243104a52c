import { describe, expect, it } from '@jest/globals';
import { PeriodicWork } from './periodic-work.js';

describe('PeriodicWork', () => {
  it('never runs two rounds at once: a tick during a round answers that round', async () => {
    let rounds = 0;
    let finish!: () => void;
    const work = new PeriodicWork(
      () => {
        rounds += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      () => undefined,
    );
    const first = work.tick();
    const second = work.tick();
    expect(rounds).toBe(1);
    finish();
    await Promise.all([first, second]);
    const third = work.tick();
    expect(rounds).toBe(2);
    finish();
    await third;
  });

  it('reports a failed round and runs the next one', async () => {
    const failures: string[] = [];
    let calls = 0;
    const work = new PeriodicWork(
      () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('database down')) : Promise.resolve();
      },
      (error) => failures.push(error.message),
    );
    await work.tick();
    await work.tick();
    expect(failures).toEqual(['database down']);
    expect(calls).toBe(2);
  });

  it('runs one round at start with interval 0, and stop waits for the round in progress', async () => {
    let ended = false;
    const work = new PeriodicWork(
      () => new Promise<void>((resolve) => setTimeout(() => resolve(void (ended = true)), 20)),
      () => undefined,
    );
    work.start(0);
    await work.stop();
    expect(ended).toBe(true);
  });
});
