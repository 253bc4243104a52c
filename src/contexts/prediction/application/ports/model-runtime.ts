import type { PinnedVersion } from '../../domain/deployment/variant.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';

/**
 * Port: runs a model version. An adapter loads the version's artifact on first use (and warms
 * it up), keeps it while it has room, and answers ModelRuntimeFailed when it cannot.
 */
export abstract class ModelRuntime {
  /** Loads the version if it is not loaded yet; resolves once it can answer. */
  abstract ensureLoaded(version: PinnedVersion): Promise<void>;
  /** Runs checked inputs; answers the outputs named in `outputs`, or all of the signature's. */
  abstract infer(version: PinnedVersion, inputs: readonly Tensor[], outputs?: readonly string[]): Promise<Tensor[]>;
  /**
   * Lets the version go once its runs in flight end (a deployment switched away from it). A
   * runtime that holds nothing per version, such as a remote one, has nothing to do.
   */
  unload(_version: PinnedVersion): Promise<void> {
    return Promise.resolve();
  }
}
