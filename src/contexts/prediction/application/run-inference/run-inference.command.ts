import type { RequestTensor } from '../ports/inference-inputs.js';

/** One Open Inference Protocol request to a deployment of a project. */
export interface RunInferenceCommand {
  readonly projectId: string;
  /** The protocol's model name: the deployment's name (or its id). */
  readonly model: string;
  /** The protocol's model version: a variant's name, bypassing the routing. */
  readonly variant?: string;
  readonly inputs: readonly RequestTensor[];
  readonly outputs?: readonly string[];
  /** Request headers in lower case: the routing reads its request key from one of them. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly requestId: string;
  /** False when the caller asked for a fresh answer, not one from the response cache. */
  readonly cacheAllowed?: boolean;
}
