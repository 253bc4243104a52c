/** One answer (or failure) of a deployment's variant, as the log keeps it. */
export interface AnsweredPrediction {
  readonly predictionId: string;
  readonly projectId: string;
  readonly deploymentId: string;
  readonly variant: string;
  readonly modelVersionId: string;
  readonly outcome: 'ok' | 'failed';
  /** What feedback is judged against: the first value of the first output (the first row's prediction). */
  readonly predicted: unknown;
  readonly latencyMs: number;
  readonly at: Date;
  /** The payloads, kept only for the sampled share (`sampleRate`) of answers. */
  readonly payload: { readonly request: () => unknown; readonly response: () => unknown };
  readonly sampleRate: number;
}

/**
 * Keeps a record of every answer off the request's path: `record` returns at once, the writes
 * happen later in batches. `flush` writes what is waiting now (at shutdown, or before a read
 * that must see a record this process just answered).
 */
export abstract class PredictionLog {
  abstract record(prediction: AnsweredPrediction): void;
  abstract flush(): Promise<void>;
}
