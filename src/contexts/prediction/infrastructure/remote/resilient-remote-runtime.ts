import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { RemoteModelRuntime, type RemoteTarget } from '../../application/ports/remote-model-runtime.js';
import type { RemoteEndpoint } from '../../domain/deployment/remote-endpoint.js';
import type { PinnedVersion } from '../../domain/deployment/variant.js';
import { InferenceFailed, ModelRuntimeFailed, RemoteRuntimeCircuitOpen } from '../../domain/errors.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import type { RemoteRuntimeSettings } from '../config/remote-runtime-settings.js';
import { wantedOutputs } from './open-inference-payload.js';
import { RemoteRefusal } from './remote-call-failures.js';
import { RemoteCallMetrics, type RemoteCallLabels, type RemoteCallOutcome } from './remote-call-metrics.js';
import type { RemoteInvoker } from './remote-invoker.js';
import { CircuitOpen, TargetResilience } from './target-resilience.js';

/** One invoker per kind of remote endpoint. */
export interface RemoteInvokers {
  readonly sagemaker: RemoteInvoker<Extract<RemoteEndpoint, { kind: 'sagemaker' }>>;
  readonly 'v2-remote': RemoteInvoker<Extract<RemoteEndpoint, { kind: 'v2-remote' }>>;
}

// Targets no longer called (a replaced deployment) fall out; the live ones stay well under this.
const MAX_TARGETS = 10_000;

/**
 * The remote runtimes behind one port: each (deployment, variant, endpoint) gets its own timeout,
 * retry budget and breaker (docs/adr/0503), so one failing server never slows another's callers.
 */
@Injectable()
export class ResilientRemoteRuntime extends RemoteModelRuntime implements OnModuleDestroy {
  private readonly logger = new Logger(ResilientRemoteRuntime.name);
  private readonly targets = new LRUCache<string, TargetResilience>({ max: MAX_TARGETS });

  constructor(
    private readonly invokers: RemoteInvokers,
    private readonly settings: RemoteRuntimeSettings,
    private readonly metrics: RemoteCallMetrics,
  ) {
    super();
  }

  async infer(
    target: RemoteTarget,
    version: PinnedVersion,
    inputs: readonly Tensor[],
    outputs?: readonly string[],
  ): Promise<Tensor[]> {
    const labels = labelsOf(target);
    const wanted = wantedOutputs(version, outputs);
    const started = performance.now();
    const done = (outcome: RemoteCallOutcome) =>
      this.metrics.called(labels, outcome, (performance.now() - started) / 1000);
    try {
      const answer = await this.resilience(target).execute((signal) =>
        this.invoke(target.endpoint, { version, inputs, outputs: wanted, signal }),
      );
      done('ok');
      return answer;
    } catch (error) {
      if (error instanceof CircuitOpen) {
        done('circuit-open');
        throw new RemoteRuntimeCircuitOpen(target.variant, error.retryAfterSeconds);
      }
      if (error instanceof RemoteRefusal) {
        done('refused');
        throw new InferenceFailed(`The ${target.endpoint.kind} server refused the call: ${error.message}`);
      }
      done('failed');
      this.logger.warn(`variant ${target.variant} of deployment ${target.deploymentId}: ${(error as Error).message}`);
      throw new ModelRuntimeFailed(`Variant ${target.variant}'s ${target.endpoint.kind} server did not answer`);
    }
  }

  accepting(target: RemoteTarget): boolean {
    return this.targets.get(keyOf(target))?.accepting ?? true;
  }

  onModuleDestroy(): void {
    this.targets.clear();
  }

  private invoke(
    endpoint: RemoteEndpoint,
    attempt: Omit<Parameters<RemoteInvoker<RemoteEndpoint>['invoke']>[0], 'endpoint'>,
  ): Promise<Tensor[]> {
    return endpoint.kind === 'sagemaker'
      ? this.invokers.sagemaker.invoke({ ...attempt, endpoint })
      : this.invokers['v2-remote'].invoke({ ...attempt, endpoint });
  }

  private resilience(target: RemoteTarget): TargetResilience {
    const key = keyOf(target);
    let resilience = this.targets.get(key);
    if (!resilience) {
      const labels = labelsOf(target);
      resilience = new TargetResilience(this.settings, {
        retried: () => this.metrics.retried(labels),
        breakerChanged: (state) => this.metrics.breakerChanged(labels, state),
      });
      this.targets.set(key, resilience);
      this.metrics.breakerChanged(labels, 'closed');
    }
    return resilience;
  }
}

// The endpoint is part of the key: a variant pointed at another server starts with a closed breaker.
function keyOf(target: RemoteTarget): string {
  return JSON.stringify([target.deploymentId, target.variant, target.endpoint]);
}

function labelsOf(target: RemoteTarget): RemoteCallLabels {
  return { runtime: target.endpoint.kind, deploymentId: target.deploymentId, variant: target.variant };
}
