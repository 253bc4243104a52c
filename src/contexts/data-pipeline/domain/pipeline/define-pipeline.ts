import { ValidationError } from '@libs/ddd';
import type { CheckSuiteInput } from '../checks/check-suite.js';
import { VERSION_FORMATS } from '../dataset/dataset-version.js';
import { SnapshotQuery } from '../table-source/snapshot-query.js';
import { SnapshotQueryRefused } from '../table-source/table-source-errors.js';
import { DefinitionReader } from './definition-reader.js';
import { defineTransformOperation } from './define-transform-operation.js';
import {
  stepInputs,
  type ExtractSource,
  type PipelineDefinition,
  type PipelineStep,
  type TransformOperation,
} from './pipeline-definition.js';

/** A step without its name, each kind kept apart. */
type StepBody = PipelineStep extends infer S ? (S extends PipelineStep ? Omit<S, 'name'> : never) : never;

const STEP_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const STEP_KINDS = ['extract', 'transform', 'validate', 'load'] as const;
const MAX_STEPS = 50;
/** As long as a snapshot query sent to POST /datasets/{id}/versions/snapshots may be. */
const MAX_QUERY_LENGTH = 100_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A pipeline definition from a client's JSON, or a ValidationError listing every problem by its
 * path (`steps[2].operations[0].columns`). Steps run in the order given and read only earlier
 * steps, so a definition that passes is acyclic by construction. What needs the project (datasets
 * by name, versions' columns, expressions parsed by the engine) is checked by the use case.
 */
export function definePipeline(input: unknown): PipelineDefinition {
  const reader = new DefinitionReader();
  const fields = reader.object(input, 'definition');
  const rawSteps = fields?.steps;
  if (fields && (!Array.isArray(rawSteps) || rawSteps.length === 0 || rawSteps.length > MAX_STEPS))
    reader.problem('steps', `must be an array of 1 to ${MAX_STEPS} steps`);
  const steps = (Array.isArray(rawSteps) ? rawSteps : []).map((step, index) => stepOf(reader, step, `steps[${index}]`));
  const defined = steps.filter((step): step is PipelineStep => step !== undefined);
  if (reader.problems.length === 0) referenceProblems(reader, defined);
  if (reader.problems.length > 0)
    throw new ValidationError('The pipeline definition is invalid', reader.problems, 'invalid-pipeline-definition');
  return { steps: defined };
}

function stepOf(reader: DefinitionReader, input: unknown, at: string): PipelineStep | undefined {
  const fields = reader.object(input, at);
  if (!fields) return undefined;
  const name = typeof fields.name === 'string' && STEP_NAME.test(fields.name) ? fields.name : undefined;
  if (!name) reader.problem(`${at}.name`, 'must be 1-64 characters of A-Z a-z 0-9 _ -, starting with a letter');
  const kind = reader.oneOf(fields.kind, `${at}.kind`, STEP_KINDS);
  const step = kind && stepOfKind(reader, kind, fields, at);
  return name && step ? { name, ...step } : undefined;
}

function stepOfKind(
  reader: DefinitionReader,
  kind: PipelineStep['kind'],
  fields: Readonly<Record<string, unknown>>,
  at: string,
): StepBody | undefined {
  if (kind === 'extract') {
    const source = extractSource(reader, fields.source, `${at}.source`);
    return source && { kind, source: source as ExtractSource };
  }
  const input = reader.text(fields.input, `${at}.input`, 100);
  if (kind === 'transform') {
    const raw = Array.isArray(fields.operations) ? fields.operations : undefined;
    if (!raw) reader.problem(`${at}.operations`, 'must be an array of operations');
    const operations = (raw ?? []).map((operation, index) =>
      defineTransformOperation(reader, operation, `${at}.operations[${index}]`),
    );
    const defined = operations.filter((operation): operation is TransformOperation => operation !== undefined);
    return input && raw && defined.length === operations.length ? { kind, input, operations: defined } : undefined;
  }
  if (kind === 'validate') return validateStep(reader, fields, at, input);
  const dataset = reader.text(fields.dataset, `${at}.dataset`, 200);
  const format = reader.oneOf(fields.format, `${at}.format`, VERSION_FORMATS, 'parquet');
  return input && dataset && format ? { kind, input, dataset, format } : undefined;
}

function validateStep(
  reader: DefinitionReader,
  fields: Readonly<Record<string, unknown>>,
  at: string,
  input: string | undefined,
): StepBody | undefined {
  const suite = reader.object(fields.suite, `${at}.suite`);
  if (suite && !Array.isArray(suite.checks)) reader.problem(`${at}.suite.checks`, 'must be an array of checks');
  const key = fields.key === undefined ? [] : reader.columns(fields.key, `${at}.key`, { allowEmpty: true });
  const quarantine = fields.quarantine === undefined ? undefined : reader.object(fields.quarantine, `${at}.quarantine`);
  const quarantineDataset = quarantine && reader.text(quarantine.dataset, `${at}.quarantine.dataset`, 200);
  if (!input || !suite || !Array.isArray(suite.checks) || !key) return undefined;
  if (quarantine && !quarantineDataset) return undefined;
  return {
    kind: 'validate',
    input,
    suite: suite as unknown as CheckSuiteInput,
    key,
    ...(quarantineDataset && { quarantine: { dataset: quarantineDataset } }),
  };
}

function extractSource(reader: DefinitionReader, input: unknown, at: string) {
  const fields = reader.object(input, at);
  if (!fields) return undefined;
  const kind = reader.oneOf(fields.kind, `${at}.kind`, ['dataset-version', 'object', 'url', 'table-source'] as const);
  if (kind === 'dataset-version') {
    if (typeof fields.versionId === 'string' && UUID.test(fields.versionId))
      return { kind, versionId: fields.versionId.toLowerCase() };
    reader.problem(`${at}.versionId`, 'must be the id of a dataset version');
    return undefined;
  }
  if (kind === 'url') {
    const url = reader.text(fields.url, `${at}.url`, 2048);
    const format = reader.oneOf(fields.format, `${at}.format`, VERSION_FORMATS);
    return url && format ? { kind, url, format } : undefined;
  }
  if (kind === 'table-source') return tableSourceExtract(reader, fields, at);
  if (kind !== 'object') return undefined;
  const objectKey = reader.text(fields.objectKey, `${at}.objectKey`, 1024);
  const format = reader.oneOf(fields.format, `${at}.format`, VERSION_FORMATS);
  return objectKey && format ? { kind, objectKey, format } : undefined;
}

function tableSourceExtract(reader: DefinitionReader, fields: Readonly<Record<string, unknown>>, at: string) {
  const source = reader.text(fields.source, `${at}.source`, 100);
  const text = reader.text(fields.query, `${at}.query`, MAX_QUERY_LENGTH);
  if (!source || !text) return undefined;
  try {
    return { kind: 'table-source' as const, source, query: SnapshotQuery.of(text).text };
  } catch (error) {
    if (!(error instanceof SnapshotQueryRefused)) throw error;
    reader.problem(`${at}.query`, error.errors?.[0]?.message ?? error.message);
    return undefined;
  }
}

/** Unique step names, every input an earlier step that is not a load, and at least one load. */
function referenceProblems(reader: DefinitionReader, steps: readonly PipelineStep[]): void {
  const seen = new Set<string>();
  steps.forEach((step, index) => {
    if (seen.has(step.name)) reader.problem(`steps[${index}].name`, `names step ${step.name} a second time`);
    for (const input of stepInputs(step)) {
      if (!seen.has(input)) reader.problem(`steps[${index}]`, `reads ${input}, which is not an earlier step`);
      else if (steps.find((other) => other.name === input)?.kind === 'load')
        reader.problem(`steps[${index}]`, `reads ${input}, a load step, which has no output to read`);
    }
    seen.add(step.name);
  });
  if (!steps.some((step) => step.kind === 'load')) reader.problem('steps', 'must include at least one load step');
}
