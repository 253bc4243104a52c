import { describe, expect, it } from '@jest/globals';
import { ConcurrencyPolicy } from './concurrency-policy.js';

describe('ConcurrencyPolicy', () => {
  it('starts runs below the limit and applies its policy at the limit', () => {
    expect(ConcurrencyPolicy.from({ limit: 2, policy: 'skip' }).admit(1)).toBe('start');
    expect(ConcurrencyPolicy.from({ limit: 2, policy: 'skip' }).admit(2)).toBe('skip');
    expect(ConcurrencyPolicy.from({ limit: 1, policy: 'cancel-running' }).admit(1)).toBe('cancel-running');
    expect(ConcurrencyPolicy.from({ limit: 1, policy: 'queue' }).admit(3)).toBe('queue');
  });

  it('never limits a workflow that sets no policy', () => {
    expect(ConcurrencyPolicy.from(undefined).admit(10_000)).toBe('start');
  });
});
