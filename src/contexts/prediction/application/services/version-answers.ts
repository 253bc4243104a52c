import { Injectable } from '@nestjs/common';
import type { Deployment } from '../../domain/deployment/deployment.js';
import type { PinnedVersion, Variant } from '../../domain/deployment/variant.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import { CacheMetrics } from '../ports/cache-metrics.js';
import { RemoteModelRuntime } from '../ports/remote-model-runtime.js';
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
 * cache when on and allowed, else from the variant's remote server, or from the in-process runtime,
 * micro-batched when on.
 */
@Injectable()
export class VersionAnswers {
  constructor(
    private readonly served: ServedVersions,
    private readonly batcher: MicroBatcher,
    private readonly cache: ResponseCache,
    private readonly cacheMetrics: CacheMetrics,
    private readonly remote: RemoteModelRuntime,
  ) {}

  versionFor(deployment: Deployment, variant: Variant): PinnedVersion {
    // A remote variant loads nothing here: its server answers for the pinned version at once.
    return variant.endpoint ? variant.version : this.served.versionFor(deployment, variant);
  }

  async answer(question: VersionQuestion): Promise<Tensor[]> {
    const { deployment, version, inputs, outputs } = question;
    const { cache } = deployment.serving;
    const key = cache.enabled && question.cacheAllowed ? this.cache.keyOf(inputs, outputs) : undefined;
    if (key !== undefined) {
      const cached = await this.cache.get(version.versionId, key);
      this.cacheMetrics.lookedUp(
        { deploymentId: deployment.id, variant: question.variant.name },
        cached ? 'hit' : 'miss',
      );
      if (cached) return cached;
    }
    const answered = await this.computed(question);
    // Stored without waiting: the caller has its answer, a slow store must not delay it.
    if (key !== undefined) void this.cache.set(version.versionId, key, answered, cache.ttlSeconds);
    return answered;
  }

  private computed({ deployment, variant, version, inputs, outputs }: VersionQuestion): Promise<Tensor[]> {
    if (variant.endpoint) {
      const target = { deploymentId: deployment.id, variant: variant.name, endpoint: variant.endpoint };
      return this.remote.infer(target, version, inputs, outputs);
    }
    // Batching stacks requests in this process's sessions: in-process runtimes only.
    const { batching } = deployment.serving;
    return this.batcher.infer(version, inputs, outputs, {
      ...batching,
      enabled: batching.enabled && variant.runtime === 'onnx',
    });
  }
}
