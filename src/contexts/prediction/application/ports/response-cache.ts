import type { Tensor } from '../../domain/tensor/tensor-spec.js';

/**
 * Port: answers kept for a while, keyed by the model version and a hash of the inputs (and the
 * outputs asked for), so a version's answers never serve another version.
 */
export abstract class ResponseCache {
  /** The key of a request's answer: the same for the same inputs (in any order) and outputs asked for. */
  abstract keyOf(inputs: readonly Tensor[], outputs: readonly string[] | undefined): string;
  /** The outputs stored for this key, or undefined; a cache that cannot answer is a miss. */
  abstract get(versionId: string, key: string): Promise<Tensor[] | undefined>;
  abstract set(versionId: string, key: string, outputs: readonly Tensor[], ttlSeconds: number): Promise<void>;
  /** Forgets every answer of the version (its alias moved away from it). */
  abstract purgeVersion(versionId: string): Promise<void>;
}
