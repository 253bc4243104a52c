import type { TaskTypeDefinition } from '@contexts/workflow-engine';
import { BLOCK_ON_VALUES } from '../../domain/checks/blocking.js';
import { DURATION_PATTERN } from '../../domain/freshness/duration.js';

export const DATA_PIPELINE_CONTEXT = 'data-pipeline';
/** Where the engine enqueues task runs of these types for this context's executor (docs/adr/0207). */
export const DATA_TASK_QUEUE = 'data-pipeline.tasks';

const ID = { type: 'string', format: 'uuid' };
const DURATION = { type: 'string', maxLength: 40, pattern: DURATION_PATTERN };
const BLOCK_ON = { enum: BLOCK_ON_VALUES };
// The suite's shape down to each check's name and kind; the checks' own fields are the domain's to judge
// when the suite runs (the same rules as POST /dataset-versions/{id}/check-runs), and a refusal names the field.
const SUITE = {
  type: 'object',
  additionalProperties: false,
  required: ['checks'],
  properties: {
    checks: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        required: ['name', 'kind'],
        properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, kind: { type: 'string' } },
      },
    },
    failingKeyLimit: { type: 'integer', minimum: 0, maximum: 100_000 },
  },
};

/** The task types this context contributes to workflows (params as the engine validates them when a definition is saved). */
export const DATA_TASK_TYPES: readonly TaskTypeDefinition[] = [
  {
    name: 'data.validate',
    description:
      'Runs a check suite against a dataset version of the run’s project, recorded as any check run (report, events, ' +
      'lineage). Fails when the verdict reaches blockOn (error: a failed check; warn: a warning too; none: never), ' +
      'naming each blocking check. Outputs checkRunId, datasetVersionId, verdict, counts (pass, warn, fail) and blockOn.',
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['datasetVersionId', 'suite'],
      properties: { datasetVersionId: ID, suite: SUITE, blockOn: BLOCK_ON },
    },
    context: DATA_PIPELINE_CONTEXT,
    queue: DATA_TASK_QUEUE,
  },
  {
    name: 'data.await-freshness',
    description:
      'Waits until a dataset of the run’s project has a version younger than maxAge (`6h`, `PT30M`), looking again ' +
      'every pollInterval (default 1m) without holding a worker, and fails once timeout has passed; with blockOn (default ' +
      'none) it fails when the checks recorded on that version reach it. Outputs datasetId, datasetVersionId, ' +
      'versionNumber and createdAt of the newest version.',
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['datasetId', 'maxAge', 'timeout'],
      properties: { datasetId: ID, maxAge: DURATION, timeout: DURATION, pollInterval: DURATION, blockOn: BLOCK_ON },
    },
    context: DATA_PIPELINE_CONTEXT,
    queue: DATA_TASK_QUEUE,
  },
  {
    name: 'data.run-pipeline',
    description:
      'Runs a pipeline of the run’s project (its latest version, or version) and waits for the pipeline run without ' +
      'holding a worker, looking every pollInterval (default 2s). Fails when the pipeline run fails or, with blockOn ' +
      '(default error), when a validate step’s verdict reaches it (a step that quarantined its failing rows counts as ' +
      'a warning). Outputs pipelineRunId, pipelineVersion, loaded and quarantined (by step: datasetId, versionId) and ' +
      'checkRunIds.',
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['pipelineId'],
      properties: {
        pipelineId: ID,
        version: { type: 'integer', minimum: 1 },
        blockOn: BLOCK_ON,
        pollInterval: DURATION,
      },
    },
    context: DATA_PIPELINE_CONTEXT,
    queue: DATA_TASK_QUEUE,
  },
];
