import type { Tensor } from '../../domain/tensor/tensor-spec.js';

/** One shadow variant's answer to a copy of a request: kept for comparison, never returned. */
export interface ShadowAnswer {
  readonly deploymentId: string;
  readonly variant: string;
  readonly versionId: string;
  readonly requestId: string;
  readonly outputs?: readonly Tensor[];
  readonly error?: string;
  readonly seconds: number;
}

/** Port: where shadow answers go (the log for now; payload logging later). */
export abstract class ShadowAnswers {
  abstract record(answer: ShadowAnswer): void;
}
