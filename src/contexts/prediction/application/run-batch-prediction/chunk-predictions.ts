import { ConflictError } from '@libs/ddd';
import type { BatchPrediction } from '../../domain/batch/batch-prediction.js';
import { inputPlans, outputColumns, tensorsFromRows } from '../../domain/batch/row-layout.js';
import type { Deployment } from '../../domain/deployment/deployment.js';
import type { PinnedVersion, Variant } from '../../domain/deployment/variant.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import type { InferenceInputs } from '../ports/inference-inputs.js';
import type { ModelRuntime } from '../ports/model-runtime.js';
import type { VersionAnswers } from '../services/version-answers.js';

/** What answers a job's chunks: the job's model version, and how its checked inputs are run. */
export interface ChunkPredictor {
  readonly version: PinnedVersion;
  answer(inputs: Tensor[]): Promise<Tensor[]>;
}

/** The job's variant still serves the job's version; otherwise the job cannot go on (its rows would mix two models). */
export function jobVariant(deployment: Deployment, job: BatchPrediction): Variant {
  const { variant: name, modelVersionId } = job.snapshot;
  const variant = name === null ? undefined : deployment.variant(name);
  if (variant?.version.versionId !== modelVersionId)
    throw new ConflictError(
      `Variant ${name} of deployment ${deployment.name} no longer serves model version ${modelVersionId}`,
      'batch-version-moved',
    );
  return variant;
}

/**
 * A deployment's variant answers by the same path as online requests (runtime, remote server,
 * micro-batching), never from the cache.
 */
export function variantPredictor(
  answers: VersionAnswers,
  deployment: Deployment,
  job: BatchPrediction,
): ChunkPredictor {
  const variant = jobVariant(deployment, job);
  const { version } = variant;
  return {
    version,
    answer: (inputs) => answers.answer({ deployment, variant, version, inputs, cacheAllowed: false }),
  };
}

/** A bare model version answers from the in-process runtime (the start refused any other framework). */
export function versionPredictor(runtime: ModelRuntime, version: PinnedVersion): ChunkPredictor {
  return { version, answer: (inputs) => runtime.infer(version, inputs) };
}

/** One chunk's rows with their predictions: the rows checked against the signature first. */
export async function predictChunk(
  inputs: InferenceInputs,
  predictor: ChunkPredictor,
  job: BatchPrediction,
  rows: readonly Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const { version } = predictor;
  const plans = inputPlans(version.signature, job.snapshot.columns);
  const checked = inputs.check(version.versionId, version.signature, tensorsFromRows(plans, rows));
  const predicted = outputColumns(await predictor.answer(checked), rows.length);
  return rows.map((row, index) => {
    const clash = Object.keys(predicted[index]).find((column) => column in row);
    if (clash !== undefined)
      throw new ConflictError(`The output column ${clash} is a column of the input too`, 'batch-output-column-clash');
    return { ...row, ...predicted[index] };
  });
}
