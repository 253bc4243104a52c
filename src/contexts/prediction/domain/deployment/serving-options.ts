import { ValidationError } from '@libs/ddd';
import {
  DEFAULT_EXPERIMENT_OPTIONS,
  DEFAULT_LOGGING_OPTIONS,
  feedbackOptions,
  type ExperimentOptions,
  type FeedbackOptionsInput,
  type LoggingOptions,
} from './feedback-options.js';

/** How a deployment answers beyond its routing: its response cache, micro-batching, payload log and experiment. */
export interface ServingOptions {
  readonly cache: { readonly enabled: boolean; readonly ttlSeconds: number };
  readonly batching: { readonly enabled: boolean; readonly maxSize: number; readonly maxWaitMs: number };
  readonly logging: LoggingOptions;
  readonly experiment: ExperimentOptions;
}

export interface ServingOptionsInput extends FeedbackOptionsInput {
  readonly cache?: Partial<ServingOptions['cache']>;
  readonly batching?: Partial<ServingOptions['batching']>;
}

// Both off unless asked: a cache changes what "a prediction" means for a caller, batching adds latency.
export const DEFAULT_SERVING_OPTIONS: ServingOptions = {
  cache: { enabled: false, ttlSeconds: 300 },
  batching: { enabled: false, maxSize: 16, maxWaitMs: 2 },
  logging: DEFAULT_LOGGING_OPTIONS,
  experiment: DEFAULT_EXPERIMENT_OPTIONS,
};

const LIMITS = {
  'cache.ttlSeconds': [1, 7 * 24 * 3600],
  'batching.maxSize': [1, 1024],
  'batching.maxWaitMs': [0, 1000],
} as const;

/** The options given over `base`, checked; one problem per value out of range. */
export function servingOptions(input: ServingOptionsInput | undefined, base = DEFAULT_SERVING_OPTIONS): ServingOptions {
  const { problems, ...feedback } = feedbackOptions(input, base);
  const options: ServingOptions = {
    cache: { ...base.cache, ...input?.cache },
    batching: { ...base.batching, ...input?.batching },
    ...feedback,
  };
  const values: Record<keyof typeof LIMITS, number> = {
    'cache.ttlSeconds': options.cache.ttlSeconds,
    'batching.maxSize': options.batching.maxSize,
    'batching.maxWaitMs': options.batching.maxWaitMs,
  };
  for (const [field, [min, max]] of Object.entries(LIMITS) as [keyof typeof LIMITS, readonly [number, number]][]) {
    const value = values[field];
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push({ field: `serving.${field}`, message: `an integer from ${min} to ${max}` });
  }
  if (problems.length > 0) throw new ValidationError('The serving options are invalid', problems, 'invalid-serving');
  return options;
}
