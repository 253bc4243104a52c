import { describe, expect, it } from '@jest/globals';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import type { RecordModelVersionCommand } from './record-model-version.command.js';
import { RecordModelVersionHandler } from './record-model-version.handler.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';
const VERSION: RecordModelVersionCommand = {
  projectId: PROJECT,
  modelId: 'model-1',
  versionId: 'version-1',
  versionNumber: 3,
  framework: 'onnx',
  source: { runId: 'run-1', taskId: 'train' },
  trainingDatasetVersionIds: ['data-1'],
  at: '2026-01-01T00:10:00Z',
};

function arrange() {
  const ports = fakeLineagePorts();
  return { ports, handler: new RecordModelVersionHandler(ports.transaction, ports.graph) };
}

describe('RecordModelVersionHandler', () => {
  it('records the version, produced by its run and task run, trained on its datasets', async () => {
    const { ports, handler } = arrange();

    await handler.execute(VERSION);

    expect(await ports.graph.find({ type: 'model-version', id: 'version-1' })).toMatchObject({
      projectId: PROJECT,
      facets: { model: { id: 'model-1', versionNumber: 3, framework: 'onnx' } },
    });
    const version = { type: 'model-version', id: 'version-1' };
    expect(ports.graph.edges.map(({ from, kind, to }) => ({ from, kind, to }))).toEqual([
      { from: { type: 'workflow-run', id: 'run-1' }, kind: 'produced', to: version },
      { from: { type: 'task-run', id: 'run-1/train' }, kind: 'produced', to: version },
      { from: { type: 'dataset-version', id: 'data-1' }, kind: 'trained-on', to: version },
    ]);
  });

  it('creates no node for the run it names: only the run’s own events do', async () => {
    const { ports, handler } = arrange();

    await handler.execute(VERSION);

    expect(await ports.graph.find({ type: 'workflow-run', id: 'run-1' })).toBeUndefined();
    expect([...ports.graph.nodes.keys()]).toEqual(['model-version:version-1']);
  });

  it('records a version without a source or data with no edges', async () => {
    const { ports, handler } = arrange();

    await handler.execute({ ...VERSION, source: null, trainingDatasetVersionIds: [] });

    expect(ports.graph.edges).toEqual([]);
    expect(ports.graph.nodes.size).toBe(1);
  });
});
