import { EnvReader } from '@libs/platform';

type Env = Record<string, string | undefined>;

export interface PredictionSettings {
  /** Bytes of model artifacts the in-process runtime keeps loaded; the least recently used go first. */
  readonly modelMemoryBudgetBytes: number;
  /** Threads one ONNX session may use inside an operator. */
  readonly onnxIntraOpThreads: number;
}

const MEBIBYTE = 1024 * 1024;

/** PREDICTION_* settings, checked at boot; each failure names its variable. */
export function readPredictionSettings(env: Env): PredictionSettings {
  const read = new EnvReader(env);
  return {
    modelMemoryBudgetBytes: read.integer('PREDICTION_MODEL_MEMORY_BUDGET_MB', 1024, 1, 1_048_576) * MEBIBYTE,
    onnxIntraOpThreads: read.integer('PREDICTION_ONNX_INTRA_OP_THREADS', 1, 1, 256),
  };
}
