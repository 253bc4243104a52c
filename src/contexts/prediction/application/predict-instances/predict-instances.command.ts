/** Rows to predict with a deployment, in the `{ instances: [...] }` format. */
export interface PredictInstancesCommand {
  readonly deploymentId: string;
  readonly instances: readonly unknown[];
  /** Request headers in lower case: the routing reads its request key from one of them. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly requestId: string;
  /** False when the caller asked for a fresh answer, not one from the response cache. */
  readonly cacheAllowed?: boolean;
}

export interface PredictInstancesResult {
  readonly requestId: string;
  readonly predictionId: string;
  readonly deploymentId: string;
  readonly variant: string;
  readonly modelVersionId: string;
  readonly predictions: unknown[];
}
