import { describe, expect, it } from '@jest/globals';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import type { RecordDatasetVersionCommand } from './record-dataset-version.command.js';
import { RecordDatasetVersionHandler } from './record-dataset-version.handler.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';

async function recorded(producer: RecordDatasetVersionCommand['producer']) {
  const ports = fakeLineagePorts();
  const handler = new RecordDatasetVersionHandler(ports.transaction, ports.graph);
  await handler.execute({ projectId: PROJECT, datasetId: 'ds-1', versionId: 'dv-1', producer, at: 't' });
  const edges = ports.graph.edges.map(({ from, kind, to }) => `${from.type}:${from.id} ${kind} ${to.type}:${to.id}`);
  return { node: await ports.graph.find({ type: 'dataset-version', id: 'dv-1' }), edges };
}

describe('RecordDatasetVersionHandler', () => {
  it('records an uploaded version with no producing run', async () => {
    const { node, edges } = await recorded({ kind: 'upload' });

    expect(node).toMatchObject({
      projectId: PROJECT,
      facets: { dataset: { id: 'ds-1' }, producer: { kind: 'upload' } },
    });
    expect(edges).toEqual([]);
  });

  it('links a version a workflow task wrote to the run and the task run', async () => {
    const { edges } = await recorded({ kind: 'workflow-run', runId: 'run-1', taskRunId: 'clean' });

    expect(edges).toEqual([
      'workflow-run:run-1 produced dataset-version:dv-1',
      'task-run:run-1/clean produced dataset-version:dv-1',
    ]);
  });

  it('links a version a pipeline wrote to the pipeline run', async () => {
    const { edges } = await recorded({ kind: 'pipeline-run', runId: 'prun-1' });

    expect(edges).toEqual(['pipeline-run:prun-1 produced dataset-version:dv-1']);
  });
});
