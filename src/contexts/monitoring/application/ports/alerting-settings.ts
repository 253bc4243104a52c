/** Port: ALERT_* settings the evaluation reads. */
export abstract class AlertingSettings {
  /** How often each rule is evaluated, and how often a worker looks for due rules. */
  abstract readonly evaluationIntervalMs: number;
  /** How long a claimed rule stays with its evaluator before another may take it. */
  abstract readonly leaseMs: number;
  /** How many due rules one worker claims at once. */
  abstract readonly batchSize: number;
}
