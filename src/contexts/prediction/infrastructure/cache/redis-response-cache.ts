import { Injectable, Logger } from '@nestjs/common';
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

  constructor(private readonly redis: RedisConnections) {
    super();
  }

  keyOf(inputs: readonly Tensor[], outputs: readonly string[] | undefined): string {
    return responseKey(inputs, outputs);
  }

  async get(versionId: string, key: string): Promise<Tensor[] | undefined> {
    try {
      const stored = await this.redis.command.get(`${PREFIX}${versionId}:${key}`);
      return stored === null ? undefined : (JSON.parse(stored) as Tensor[]);
    } catch (error) {
      this.logger.warn(`response cache lookup failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  async set(versionId: string, key: string, outputs: readonly Tensor[], ttlSeconds: number): Promise<void> {
    try {
      await this.redis.command.set(`${PREFIX}${versionId}:${key}`, JSON.stringify(outputs), 'EX', ttlSeconds);
    } catch (error) {
      this.logger.warn(`response cache store failed: ${(error as Error).message}`);
    }
  }

  async purgeVersion(versionId: string): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.command.scan(
        cursor,
        'MATCH',
        `${PREFIX}${versionId}:*`,
        'COUNT',
        PURGE_BATCH,
      );
      if (keys.length > 0) await this.redis.command.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}
