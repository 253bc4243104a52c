import { describe, expect, it } from '@jest/globals';
import { ResponseCache } from '../../application/ports/response-cache.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import { NearResponseCache } from './near-response-cache.js';

const y: Tensor[] = [{ name: 'y', datatype: 'FP32', shape: [1, 1], data: [2] }];
const z: Tensor[] = [{ name: 'y', datatype: 'FP32', shape: [1, 1], data: [3] }];

/** Redis's tier as a map, counting the lookups that reach it. */
class SharedAnswers extends ResponseCache {
  readonly answers = new Map<string, Tensor[]>();
  lookups = 0;
  keyOf(): string {
    return 'k';
  }
  get(versionId: string, key: string): Promise<Tensor[] | undefined> {
    this.lookups += 1;
    return Promise.resolve(this.answers.get(`${versionId}:${key}`));
  }
  set(versionId: string, key: string, outputs: readonly Tensor[]): Promise<void> {
    this.answers.set(`${versionId}:${key}`, [...outputs]);
    return Promise.resolve();
  }
  purgeVersion(versionId: string): Promise<void> {
    for (const key of this.answers.keys()) if (key.startsWith(`${versionId}:`)) this.answers.delete(key);
    return Promise.resolve();
  }
}

const settings = (answerCopyTtlMs: number) => ({ answerCopyTtlMs, answerCopyBudgetBytes: 1024 * 1024 });

describe('NearResponseCache', () => {
  it('answers again from its copy, per version, without asking Redis', async () => {
    const shared = new SharedAnswers();
    const cache = new NearResponseCache(shared, settings(1000));
    await cache.set('v1', 'k', y, 60);

    expect(await cache.get('v1', 'k')).toEqual(y);
    expect(shared.lookups).toBe(0);
    expect(await cache.get('v2', 'k')).toBeUndefined();
    expect(shared.lookups).toBe(1);
  });

  it('keeps a copy of what Redis answered, and stores in Redis too', async () => {
    const shared = new SharedAnswers();
    shared.answers.set('v1:k', z);
    const cache = new NearResponseCache(shared, settings(1000));

    expect(await cache.get('v1', 'k')).toEqual(z);
    expect(await cache.get('v1', 'k')).toEqual(z);
    expect(shared.lookups).toBe(1);
    await cache.set('v2', 'k', y, 60);
    expect(shared.answers.get('v2:k')).toEqual(y);
  });

  it('asks Redis again once its copy is older than the copy TTL, or than the deployment’s TTL', async () => {
    const clock = { ms: 1000, now: () => clock.ms };
    const shared = new SharedAnswers();
    const cache = new NearResponseCache(shared, settings(5000), clock);
    await cache.set('v1', 'short', y, 1);
    await cache.set('v1', 'long', y, 60);
    clock.ms += 1500;
    await cache.get('v1', 'short');
    await cache.get('v1', 'long');
    expect(shared.lookups).toBe(1);
    clock.ms += 4000;
    await cache.get('v1', 'long');
    expect(shared.lookups).toBe(2);
  });

  it('forgets a purged version’s copies with Redis’s, and no other version’s', async () => {
    const shared = new SharedAnswers();
    const cache = new NearResponseCache(shared, settings(1000));
    await cache.set('v1', 'k', y, 60);
    await cache.set('v2', 'k', z, 60);

    await cache.purgeVersion('v1');

    expect(await cache.get('v1', 'k')).toBeUndefined();
    expect(await cache.get('v2', 'k')).toEqual(z);
    expect(shared.lookups).toBe(1);
  });

  it('keeps no copy when the copy TTL is 0', async () => {
    const shared = new SharedAnswers();
    const cache = new NearResponseCache(shared, settings(0));
    await cache.set('v1', 'k', y, 60);

    expect(await cache.get('v1', 'k')).toEqual(y);
    expect(shared.lookups).toBe(1);
  });
});
