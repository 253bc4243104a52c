import { Injectable } from '@nestjs/common';
import type { Deployment } from '../../domain/deployment/deployment.js';
import type { PinnedVersion, Variant } from '../../domain/deployment/variant.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import { CacheMetrics } from '../ports/cache-metrics.js';
import { ResponseCache } from '../ports/response-cache.js';
import { MicroBatcher } from './micro-batcher.js';
import { ServedVersions } from './served-versions.js';

export interface VersionQuestion {
  readonly deployment: Deployment;
  readonly variant: Variant;
  /** The version to answer with: `versionFor`'s answer, whose signature checked the inputs. */
  readonly version: PinnedVersion;
  readonly inputs: readonly Tensor[];
  readonly outputs?: readonly string[];
  /** False when the caller asked not to be answered from the cache. */
  readonly cacheAllowed: boolean;
}

/**
 * Answers checked inputs with a variant's version the way its deployment says: from the response
 * cache when on and allowed, else from the runtime, micro-batched when on.
 */
@Injectable()
export class VersionAnswers {
  constructor(
    private readonly served: ServedVersions,
    private readonly batcher: MicroBatcher,
    private readonly cache: ResponseCache,
    private readonly cacheMetrics: CacheMetrics,
  ) {}

  versionFor(deployment: Deployment, variant: Variant): PinnedVersion {
    return this.served.versionFor(deployment, variant);
  }

  async answer(question: VersionQuestion): Promise<Tensor[]> {
    const { deployment, version, inputs, outputs } = question;
    const { cache, batching } = deployment.serving;
    const key = cache.enabled && question.cacheAllowed ? this.cache.keyOf(inputs, outputs) : undefined;
    if (key !== undefined) {
      const cached = await this.cache.get(version.versionId, key);
      this.cacheMetrics.lookedUp(deployment.id, cached ? 'hit' : 'miss');
      if (cached) return cached;
    }
    // Batching stacks requests in this process's sessions: in-process runtimes only.
    const answered = await this.batcher.infer(version, inputs, outputs, {
      ...batching,
      enabled: batching.enabled && question.variant.runtime === 'onnx',
    });
    // Stored without waiting: the caller has its answer, a slow store must not delay it.
    if (key !== undefined) void this.cache.set(version.versionId, key, answered, cache.ttlSeconds);
    return answered;
  }
}
