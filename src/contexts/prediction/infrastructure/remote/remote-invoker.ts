import type { RemoteEndpoint } from '../../domain/deployment/remote-endpoint.js';
import type { PinnedVersion } from '../../domain/deployment/variant.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';

/** One attempt at a remote server: what to run, and the signal that ends it at its timeout. */
export interface RemoteAttempt<E extends RemoteEndpoint> {
  readonly endpoint: E;
  readonly version: PinnedVersion;
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly string[];
  readonly signal: AbortSignal;
}

/**
 * Makes one call to one kind of remote server. It throws TransientRemoteFailure when a retry may
 * help (network, 5xx, 429) and RemoteRefusal when the server refused; retries, timeouts and the
 * breaker are the caller's.
 */
export interface RemoteInvoker<E extends RemoteEndpoint> {
  invoke(attempt: RemoteAttempt<E>): Promise<Tensor[]>;
}
