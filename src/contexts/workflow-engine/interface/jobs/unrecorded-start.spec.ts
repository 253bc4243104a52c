import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { UnrecordedStart } from './unrecorded-start.js';

const startedAt = new Date('2026-01-01T00:00:00Z');

describe('UnrecordedStart', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('goes with the outcome of an attempt that ended in time, and is never recorded on its own', async () => {
    const record = jest.fn(() => Promise.resolve(true));
    const start = new UnrecordedStart(startedAt, record, 200);
    jest.advanceTimersByTime(199);
    start.executionEnded();
    jest.advanceTimersByTime(1000);
    expect(await start.forOutcome()).toBe(startedAt);
    expect(record).not.toHaveBeenCalled();
  });

  it('is recorded on its own once the attempt runs long, and then not with the outcome', async () => {
    const record = jest.fn(() => Promise.resolve(true));
    const start = new UnrecordedStart(startedAt, record, 200);
    jest.advanceTimersByTime(200);
    expect(record).toHaveBeenCalledTimes(1);
    expect(await start.forOutcome()).toBeUndefined();
  });

  it('goes with the outcome when recording it on its own failed or found the attempt stale', async () => {
    const failing = new UnrecordedStart(startedAt, () => Promise.reject(new Error('database down')), 200);
    const stale = new UnrecordedStart(startedAt, () => Promise.resolve(false), 200);
    jest.advanceTimersByTime(200);
    expect(await failing.forOutcome()).toBe(startedAt);
    expect(await stale.forOutcome()).toBe(startedAt);
  });
});
