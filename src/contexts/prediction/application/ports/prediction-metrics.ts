/** Whether a variant answered the caller or received a copy whose answer is only recorded. */
export type VariantRole = 'primary' | 'shadow';
export type PredictionOutcome = 'ok' | 'invalid' | 'failed';

/** Port: counts and times the predictions served, per variant role and outcome. */
export abstract class PredictionMetrics {
  abstract served(role: VariantRole, outcome: PredictionOutcome, seconds: number): void;
}
