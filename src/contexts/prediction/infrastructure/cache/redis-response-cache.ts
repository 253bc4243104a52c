import { Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RedisConnections } from '@libs/platform';
import { ResponseCache } from '../../application/ports/response-cache.js';
import { responseKey } from './response-key.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';

const PREFIX = 'prediction:answers:';
const PURGE_BATCH = 500;

/**
 * Answers in Redis under `prediction:answers:{version}:{hash}`, each with its own TTL. The cache
 * only ever saves work: when Redis fails, a lookup is a miss and a store is skipped, so a
 * prediction never fails because of it. A purge scans the version's keys (no index to keep).
 */
@Injectable()
export class RedisResponseCache extends ResponseCache {
  private readonly logger = new Logger(RedisResponseCache.name);
  // Every cached answer is one GET on the request's path: auto-pipelined on a connection of its own.
  private readonly answers: Redis;

  constructor(redis: RedisConnections) {
    super();
    this.answers = redis.pipelinedConnection('prediction-answers');
  }

  keyOf(inputs: readonly Tensor[], outputs: readonly string[] | undefined): string {
    return responseKey(inputs, outputs);
  }

  async get(versionId: string, key: string): Promise<Tensor[] | undefined> {
    try {
      const stored = await this.answers.get(`${PREFIX}${versionId}:${key}`);
      return stored === null ? undefined : (JSON.parse(stored) as Tensor[]);
    } catch (error) {
      this.logger.warn(`response cache lookup failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  async set(versionId: string, key: string, outputs: readonly Tensor[], ttlSeconds: number): Promise<void> {
    try {
      await this.answers.set(`${PREFIX}${versionId}:${key}`, JSON.stringify(outputs), 'EX', ttlSeconds);
    } catch (error) {
      this.logger.warn(`response cache store failed: ${(error as Error).message}`);
    }
  }

  async purgeVersion(versionId: string): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.answers.scan(cursor, 'MATCH', `${PREFIX}${versionId}:*`, 'COUNT', PURGE_BATCH);
      if (keys.length > 0) await this.answers.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}
