import { describe, expect, it } from '@jest/globals';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import type { RecordBatchPredictionCommand } from './record-batch-prediction.command.js';
import { RecordBatchPredictionHandler } from './record-batch-prediction.handler.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';
const JOB = { type: 'batch-prediction', id: 'batch-1' } as const;
const RUNNING: RecordBatchPredictionCommand = {
  projectId: PROJECT,
  batchPredictionId: 'batch-1',
  deploymentId: 'deployment-1',
  modelVersionId: 'version-1',
  inputVersionId: 'input-1',
  state: 'running',
  at: '2026-01-01T00:10:00Z',
};

function arrange() {
  const ports = fakeLineagePorts();
  return { ports, handler: new RecordBatchPredictionHandler(ports.transaction, ports.graph) };
}

const edgesOf = (ports: ReturnType<typeof fakeLineagePorts>) =>
  ports.graph.edges.map(({ from, kind, to }) => ({ from, kind, to }));

describe('RecordBatchPredictionHandler', () => {
  it('records a started batch prediction as a run that consumed its input and its model version', async () => {
    const { ports, handler } = arrange();

    await handler.execute(RUNNING);

    expect(await ports.graph.find(JOB)).toEqual({
      ...JOB,
      projectId: PROJECT,
      name: 'batch prediction batch-1',
      facets: {
        batchPrediction: { deploymentId: 'deployment-1', modelVersionId: 'version-1' },
        running: { at: '2026-01-01T00:10:00Z' },
      },
    });
    expect(edgesOf(ports)).toEqual([
      { from: { type: 'dataset-version', id: 'input-1' }, kind: 'consumed', to: JOB },
      { from: { type: 'model-version', id: 'version-1' }, kind: 'consumed', to: JOB },
    ]);
    expect(ports.graph.edges.every((edge) => edge.projectId === PROJECT)).toBe(true);
    expect(ports.transaction.runs).toBe(1);
  });

  it('links the output version it produced once it succeeded', async () => {
    const { ports, handler } = arrange();

    await handler.execute({ ...RUNNING, state: 'succeeded', outputVersionId: 'output-1' });

    expect(edgesOf(ports)).toContainEqual({
      from: JOB,
      kind: 'produced',
      to: { type: 'dataset-version', id: 'output-1' },
    });
    expect(ports.graph.edges).toHaveLength(3);
  });

  it('keeps each state as a facet of its own, so a late running event does not hide the success', async () => {
    const { ports, handler } = arrange();

    await handler.execute({ ...RUNNING, state: 'succeeded', outputVersionId: 'output-1', at: '2026-01-01T00:20:00Z' });
    await handler.execute(RUNNING);

    const node = await ports.graph.find(JOB);
    expect(node?.facets).toMatchObject({
      running: { at: '2026-01-01T00:10:00Z' },
      succeeded: { at: '2026-01-01T00:20:00Z' },
    });
    expect(ports.graph.edges).toHaveLength(3);
  });

  it('records a failed batch prediction with no output edge', async () => {
    const { ports, handler } = arrange();

    await handler.execute({ ...RUNNING, state: 'failed' });

    expect((await ports.graph.find(JOB))?.facets).toHaveProperty('failed', { at: RUNNING.at });
    expect(edgesOf(ports).some((edge) => edge.kind === 'produced')).toBe(false);
  });
});
