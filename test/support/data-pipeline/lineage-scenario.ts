import { RecordCheckResultHandler } from '../../../src/contexts/data-pipeline/application/record-check-result/record-check-result.handler.js';
import { CheckResultLineage } from '../../../src/contexts/data-pipeline/application/services/check-result-lineage.js';
import { RecordDatasetVersionHandler } from '../../../src/contexts/data-pipeline/application/record-dataset-version/record-dataset-version.handler.js';
import { RecordModelVersionHandler } from '../../../src/contexts/data-pipeline/application/record-model-version/record-model-version.handler.js';
import { RecordTaskRunHandler } from '../../../src/contexts/data-pipeline/application/record-task-run/record-task-run.handler.js';
import { RecordWorkflowRunHandler } from '../../../src/contexts/data-pipeline/application/record-workflow-run/record-workflow-run.handler.js';
import type { LineageFakes } from './fake-lineage-ports.js';

export const SCENARIO_PROJECT = '0190f2a4-0000-7000-8000-000000000001';
export const OTHER_PROJECT = '0190f2a4-0000-7000-8000-000000000002';

/**
 * An uploaded dataset version `raw`, a workflow run `run-1` whose task `train` produced model
 * version `model-v1` trained on `raw`, and a failed check result `check-1` on `raw`; in another
 * project, model version `elsewhere` trained on a dataset of the same id would be a leak if shown.
 */
export async function recordScenario({ transaction, graph, forwarding }: LineageFakes): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  const project = { projectId: SCENARIO_PROJECT };
  await new RecordDatasetVersionHandler(transaction, graph).execute({
    ...project,
    datasetId: 'ds',
    versionId: 'raw',
    producer: { kind: 'upload' },
    at,
  });
  const runs = new RecordWorkflowRunHandler(transaction, graph, forwarding);
  const run = { ...project, runId: 'run-1', workflowId: 'wf-1', workflowVersion: 1 };
  await runs.execute({ ...run, state: 'running', at });
  await new RecordTaskRunHandler(transaction, graph).execute({
    ...run,
    taskRunKey: 'train',
    taskId: 'train',
    taskType: 'external',
    attempt: 1,
    state: 'succeeded',
    at,
  });
  const versions = new RecordModelVersionHandler(transaction, graph);
  const version = { modelId: 'm', versionNumber: 1, framework: 'onnx', trainingDatasetVersionIds: ['raw'], at };
  await versions.execute({
    ...project,
    ...version,
    versionId: 'model-v1',
    source: { runId: 'run-1', taskId: 'train' },
  });
  await runs.execute({ ...run, state: 'succeeded', at: '2026-01-01T00:05:00.000Z' });
  await versions.execute({ ...version, projectId: OTHER_PROJECT, versionId: 'elsewhere', source: null });
  await new RecordCheckResultHandler(transaction, new CheckResultLineage(graph)).execute({
    ...project,
    checkResultId: 'check-1',
    datasetVersionId: 'raw',
    checkName: 'not_null(id)',
    outcome: 'fail',
    at,
  });
}
