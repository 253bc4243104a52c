import { describe, expect, it } from '@jest/globals';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import { RecordModelVersionHandler } from '../record-model-version/record-model-version.handler.js';
import { IsRunRecordedHandler } from './is-run-recorded.handler.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';
const MADE_UP = '00000000-0000-4000-8000-000000000000';

describe('IsRunRecordedHandler', () => {
  it('knows workflow and pipeline runs their own events recorded', async () => {
    const ports = fakeLineagePorts();
    for (const type of ['workflow-run', 'pipeline-run'] as const) {
      await ports.graph.recordNode({ type, id: `${type}-1`, projectId: PROJECT, name: type, facets: {} });
    }
    const handler = new IsRunRecordedHandler(ports.graph);

    expect(await handler.execute({ runId: 'workflow-run-1' })).toBe(true);
    expect(await handler.execute({ runId: 'pipeline-run-1' })).toBe(true);
  });

  it('does not know a run that was only named as a model version’s source', async () => {
    const ports = fakeLineagePorts();
    await new RecordModelVersionHandler(ports.transaction, ports.graph).execute({
      projectId: PROJECT,
      modelId: 'm',
      versionId: 'v',
      versionNumber: 1,
      framework: 'onnx',
      source: { runId: MADE_UP, taskId: 'train' },
      trainingDatasetVersionIds: ['dv'],
      at: 't',
    });

    expect(await new IsRunRecordedHandler(ports.graph).execute({ runId: MADE_UP })).toBe(false);
  });
});
