import { Inject, Injectable, Optional } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { ResponseCache } from '../../application/ports/response-cache.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import { PREDICTION_SETTINGS, type PredictionSettings } from '../config/prediction-settings.js';
import { RedisResponseCache } from './redis-response-cache.js';

// What one entry is counted as beyond its values: the key, the tensors' names, shapes and objects.
const ENTRY_OVERHEAD_BYTES = 256;
const VALUE_BYTES = 8;

export const ANSWER_COPY_CLOCK = Symbol('ANSWER_COPY_CLOCK');

/**
 * The response cache's near tier (Triton's cache is in-process too): copies of answers this process
 * stored or read from Redis, kept `PREDICTION_ANSWER_COPY_TTL_MS` at most, in front of Redis, which
 * stays the cache every process shares. Entries are keyed like Redis's, by the version that
 * answered, so a deployment that moved to another version never reads the old one's copies; a
 * version's copies in this process go with its purge, and other processes' within the copy TTL. A
 * copy is never kept longer than the deployment's own TTL when this process stored it; one read
 * from Redis may outlive the Redis entry by at most the copy TTL (docs/adr/0508).
 */
@Injectable()
export class NearResponseCache extends ResponseCache {
  private readonly copies?: LRUCache<string, Tensor[]>;
  private readonly copyTtlMs: number;

  constructor(
    @Inject(RedisResponseCache) private readonly shared: ResponseCache,
    @Inject(PREDICTION_SETTINGS) settings: Pick<PredictionSettings, 'answerCopyTtlMs' | 'answerCopyBudgetBytes'>,
    // What the copies' ages are read from: a test gives its own.
    @Optional() @Inject(ANSWER_COPY_CLOCK) clock: { now(): number } = performance,
  ) {
    super();
    this.copyTtlMs = settings.answerCopyTtlMs;
    if (this.copyTtlMs > 0)
      this.copies = new LRUCache({
        maxSize: settings.answerCopyBudgetBytes,
        sizeCalculation: sizeOf,
        ttl: this.copyTtlMs,
        ttlAutopurge: false,
        perf: clock,
        ttlResolution: 0,
      });
  }

  keyOf(inputs: readonly Tensor[], outputs: readonly string[] | undefined): string {
    return this.shared.keyOf(inputs, outputs);
  }

  async get(versionId: string, key: string): Promise<Tensor[] | undefined> {
    const entry = `${versionId}:${key}`;
    const copy = this.copies?.get(entry);
    if (copy) return copy;
    const stored = await this.shared.get(versionId, key);
    if (stored) this.copies?.set(entry, stored);
    return stored;
  }

  set(versionId: string, key: string, outputs: readonly Tensor[], ttlSeconds: number): Promise<void> {
    this.copies?.set(`${versionId}:${key}`, [...outputs], { ttl: Math.min(this.copyTtlMs, ttlSeconds * 1000) });
    return this.shared.set(versionId, key, outputs, ttlSeconds);
  }

  async purgeVersion(versionId: string): Promise<void> {
    this.forget(versionId);
    await this.shared.purgeVersion(versionId);
    // An answer read from Redis while the purge ran is dropped too.
    this.forget(versionId);
  }

  private forget(versionId: string): void {
    if (!this.copies) return;
    const prefix = `${versionId}:`;
    for (const entry of this.copies.keys()) if (entry.startsWith(prefix)) this.copies.delete(entry);
  }
}

function sizeOf(outputs: Tensor[]): number {
  return outputs.reduce((bytes, tensor) => bytes + tensor.data.length * VALUE_BYTES, ENTRY_OVERHEAD_BYTES);
}
