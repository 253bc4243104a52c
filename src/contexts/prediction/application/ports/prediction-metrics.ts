/** Whether a variant answered the caller or received a copy whose answer is only recorded. */
export type VariantRole = 'primary' | 'shadow';
export type PredictionOutcome = 'ok' | 'invalid' | 'failed';

/** Which variant of which deployment a measurement is about; the adapter keeps the label count bounded. */
export interface ServedVariant {
  readonly deploymentId: string;
  readonly variant: string;
}

/** Port: counts and times the predictions served, per deployment, variant, role and outcome. */
export abstract class PredictionMetrics {
  abstract served(by: ServedVariant, role: VariantRole, outcome: PredictionOutcome, seconds: number): void;
}
