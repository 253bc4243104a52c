import type { FieldProblem } from '@libs/ddd';

export const EXPERIMENT_METRICS = ['accuracy', 'mae'] as const;
export type ExperimentMetric = (typeof EXPERIMENT_METRICS)[number];
export const EXPERIMENT_TESTS = ['fixed-horizon', 'sequential'] as const;
export type ExperimentTest = (typeof EXPERIMENT_TESTS)[number];

/** Which answers keep their request and response (every answer keeps a light record), and for how long. */
export interface LoggingOptions {
  /** The share of answers whose payloads are kept, 0 (none) to 1 (all). */
  readonly sampleRate: number;
  /** Records (and their feedback) older than this are pruned. */
  readonly retentionDays: number;
}

/** How feedback is judged between the deployment's two primary variants, and whether the winner is promoted. */
export interface ExperimentOptions {
  /** `accuracy`: the label equals the predicted one; `mae`: the mean absolute error of values. */
  readonly metric: ExperimentMetric;
  /**
   * `fixed-horizon`: one test once each variant has `minSamples`; `sequential`: the mixture SPRT of
   * two proportions (accuracy only), valid however often it is looked at (docs/adr/0507).
   */
  readonly test: ExperimentTest;
  readonly alpha: number;
  /** Feedback each variant needs before the test is run at all (the fixed horizon; the sequential test's burn-in). */
  readonly minSamples: number;
  /** The sequential test's mixture standard deviation τ over the difference of accuracies: the effect it is tuned to. */
  readonly mixtureSd: number;
  readonly promote: { readonly enabled: boolean; readonly alias: string };
}

export interface FeedbackOptionsInput {
  readonly logging?: Partial<LoggingOptions>;
  readonly experiment?: Partial<Omit<ExperimentOptions, 'promote'>> & {
    promote?: Partial<ExperimentOptions['promote']>;
  };
}

// Payload logging off unless asked: requests may hold personal data.
export const DEFAULT_LOGGING_OPTIONS: LoggingOptions = { sampleRate: 0, retentionDays: 30 };
export const DEFAULT_EXPERIMENT_OPTIONS: ExperimentOptions = {
  metric: 'accuracy',
  test: 'fixed-horizon',
  alpha: 0.05,
  minSamples: 100,
  mixtureSd: 0.1,
  promote: { enabled: false, alias: '' },
};

const ALIAS = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The logging and experiment options given over `base`, with the problems of those out of range. */
export function feedbackOptions(
  input: FeedbackOptionsInput | undefined,
  base: { logging?: LoggingOptions; experiment?: ExperimentOptions },
): { logging: LoggingOptions; experiment: ExperimentOptions; problems: FieldProblem[] } {
  const logging = { ...DEFAULT_LOGGING_OPTIONS, ...base.logging, ...input?.logging };
  const baseExperiment = base.experiment ?? DEFAULT_EXPERIMENT_OPTIONS;
  const experiment: ExperimentOptions = {
    ...baseExperiment,
    ...input?.experiment,
    promote: { ...baseExperiment.promote, ...input?.experiment?.promote },
  };
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field: `serving.${field}`, message });
  if (!(logging.sampleRate >= 0 && logging.sampleRate <= 1)) problem('logging.sampleRate', 'a number from 0 to 1');
  if (!Number.isInteger(logging.retentionDays) || logging.retentionDays < 1 || logging.retentionDays > 3650)
    problem('logging.retentionDays', 'an integer from 1 to 3650');
  if (!(EXPERIMENT_METRICS as readonly string[]).includes(experiment.metric))
    problem('experiment.metric', `one of ${EXPERIMENT_METRICS.join(', ')}`);
  if (!(EXPERIMENT_TESTS as readonly string[]).includes(experiment.test))
    problem('experiment.test', `one of ${EXPERIMENT_TESTS.join(', ')}`);
  else if (experiment.test === 'sequential' && experiment.metric !== 'accuracy')
    problem('experiment.test', 'the sequential test compares proportions: metric accuracy');
  if (!(experiment.mixtureSd > 0 && experiment.mixtureSd <= 1))
    problem('experiment.mixtureSd', 'a number above 0, at most 1');
  if (!(experiment.alpha > 0 && experiment.alpha <= 0.5)) problem('experiment.alpha', 'a number above 0, at most 0.5');
  if (!Number.isInteger(experiment.minSamples) || experiment.minSamples < 2 || experiment.minSamples > 1_000_000)
    problem('experiment.minSamples', 'an integer from 2 to 1000000');
  if (experiment.promote.enabled && !ALIAS.test(experiment.promote.alias))
    problem('experiment.promote.alias', 'the alias to move: lower-case letters, digits, dashes and underscores');
  return { logging, experiment, problems };
}
