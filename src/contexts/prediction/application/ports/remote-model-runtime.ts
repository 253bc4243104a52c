import type { RemoteEndpoint } from '../../domain/deployment/remote-endpoint.js';
import type { PinnedVersion } from '../../domain/deployment/variant.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';

/** One remote variant of one deployment: the unit that gets its own timeout, retry budget and breaker. */
export interface RemoteTarget {
  readonly deploymentId: string;
  readonly variant: string;
  readonly endpoint: RemoteEndpoint;
}

/**
 * Port: runs a version on the server a remote variant names (SageMaker, a v2 server). An adapter
 * answers ModelRuntimeFailed when the server cannot answer, RemoteRuntimeCircuitOpen without
 * calling it while it is known to be down, and InferenceFailed when it refuses the inputs.
 */
export abstract class RemoteModelRuntime {
  abstract infer(
    target: RemoteTarget,
    version: PinnedVersion,
    inputs: readonly Tensor[],
    outputs?: readonly string[],
  ): Promise<Tensor[]>;
  /** Whether the target's breaker lets calls through: a readiness probe must not call the server. */
  abstract accepting(target: RemoteTarget): boolean;
}
