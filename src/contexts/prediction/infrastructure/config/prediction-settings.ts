import { EnvReader } from '@libs/platform';

type Env = Record<string, string | undefined>;

/** The DI token of the context's PredictionSettings. */
export const PREDICTION_SETTINGS = Symbol('PREDICTION_SETTINGS');

export interface PredictionSettings {
  /** Bytes of model artifacts the in-process runtime keeps loaded; the least recently used go first. */
  readonly modelMemoryBudgetBytes: number;
  /** Threads one ONNX session may use inside an operator. */
  readonly onnxIntraOpThreads: number;
  /** How long a process serves from its copy of a deployment at most (0: reads the row every request). */
  readonly deploymentCacheTtlMs: number;
  /** Distinct (deployment, variant) label pairs the prediction metrics keep; the rest count as `other`. */
  readonly metricsMaxVariants: number;
  /** How long a process answers from its own copy of a cached answer at most (0: every lookup asks Redis). */
  readonly answerCopyTtlMs: number;
  /** Bytes of cached answers a process keeps copies of; the least recently used go first. */
  readonly answerCopyBudgetBytes: number;
}

const MEBIBYTE = 1024 * 1024;

/** PREDICTION_* settings, checked at boot; each failure names its variable. */
export function readPredictionSettings(env: Env): PredictionSettings {
  const read = new EnvReader(env);
  return {
    modelMemoryBudgetBytes: read.integer('PREDICTION_MODEL_MEMORY_BUDGET_MB', 1024, 1, 1_048_576) * MEBIBYTE,
    onnxIntraOpThreads: read.integer('PREDICTION_ONNX_INTRA_OP_THREADS', 1, 1, 256),
    deploymentCacheTtlMs: read.integer('PREDICTION_DEPLOYMENT_CACHE_TTL_MS', 5000, 0, 600_000),
    metricsMaxVariants: read.integer('PREDICTION_METRICS_MAX_VARIANTS', 500, 1, 100_000),
    answerCopyTtlMs: read.integer('PREDICTION_ANSWER_COPY_TTL_MS', 1000, 0, 60_000),
    answerCopyBudgetBytes: read.integer('PREDICTION_ANSWER_COPY_BUDGET_MB', 64, 1, 65_536) * MEBIBYTE,
  };
}
