import { ConflictError } from '@libs/ddd';
import type { BatchPrediction } from '../../domain/batch/batch-prediction.js';
import { inputPlans, outputColumns, tensorsFromRows } from '../../domain/batch/row-layout.js';
import type { Deployment } from '../../domain/deployment/deployment.js';
import type { Variant } from '../../domain/deployment/variant.js';
import type { InferenceInputs } from '../ports/inference-inputs.js';
import type { VersionAnswers } from '../services/version-answers.js';

/** The job's variant still serves the job's version; otherwise the job cannot go on (its rows would mix two models). */
export function jobVariant(deployment: Deployment, job: BatchPrediction): Variant {
  const { variant: name, modelVersionId } = job.snapshot;
  const variant = deployment.variant(name);
  if (variant?.version.versionId !== modelVersionId)
    throw new ConflictError(
      `Variant ${name} of deployment ${deployment.name} no longer serves model version ${modelVersionId}`,
      'batch-version-moved',
    );
  return variant;
}

/**
 * One chunk's rows with their predictions: the rows checked against the signature and answered by
 * the same path as online requests (runtime, remote server, micro-batching), never from the cache.
 */
export async function predictChunk(
  parts: { readonly inputs: InferenceInputs; readonly answers: VersionAnswers },
  deployment: Deployment,
  variant: Variant,
  job: BatchPrediction,
  rows: readonly Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const { version } = variant;
  const plans = inputPlans(version.signature, job.snapshot.columns);
  const inputs = parts.inputs.check(version.versionId, version.signature, tensorsFromRows(plans, rows));
  const outputs = await parts.answers.answer({ deployment, variant, version, inputs, cacheAllowed: false });
  const predicted = outputColumns(outputs, rows.length);
  return rows.map((row, index) => {
    const clash = Object.keys(predicted[index]).find((column) => column in row);
    if (clash !== undefined)
      throw new ConflictError(`The output column ${clash} is a column of the input too`, 'batch-output-column-clash');
    return { ...row, ...predicted[index] };
  });
}
