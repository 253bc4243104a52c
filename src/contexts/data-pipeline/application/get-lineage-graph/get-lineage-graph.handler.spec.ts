import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import { recordScenario } from '../../../../../test/support/data-pipeline/lineage-scenario.js';
import type { LineageSubgraph } from '../../domain/lineage/lineage-graph.repository.js';
import { GetLineageGraphHandler } from './get-lineage-graph.handler.js';

async function arrange() {
  const ports = fakeLineagePorts();
  await recordScenario(ports);
  return new GetLineageGraphHandler(ports.graph);
}

const ids = (graph: LineageSubgraph) => graph.nodes.map((node) => `${node.type}:${node.id}`).sort();

describe('GetLineageGraphHandler', () => {
  it('names the model version downstream of the workflow run', async () => {
    const handler = await arrange();

    const graph = await handler.execute({ nodeType: 'workflow-run', id: 'run-1', direction: 'downstream', depth: 3 });

    expect(ids(graph)).toEqual(['model-version:model-v1', 'task-run:run-1/train', 'workflow-run:run-1']);
    expect(graph.root.id).toBe('run-1');
  });

  it('names the run and the training data upstream of the model version, and nothing of another project', async () => {
    const handler = await arrange();

    const graph = await handler.execute({ nodeType: 'model-version', id: 'model-v1', direction: 'upstream', depth: 1 });

    expect(ids(graph)).toEqual([
      'dataset-version:raw',
      'model-version:model-v1',
      'task-run:run-1/train',
      'workflow-run:run-1',
    ]);
    expect(graph.edges).toContainEqual({
      from: { type: 'workflow-run', id: 'run-1' },
      to: { type: 'model-version', id: 'model-v1' },
      kind: 'produced',
    });
  });

  it('stops at the depth asked for', async () => {
    const handler = await arrange();

    const graph = await handler.execute({ nodeType: 'dataset-version', id: 'raw', direction: 'both', depth: 1 });

    expect(ids(graph)).toEqual(['check-result:check-1', 'dataset-version:raw', 'model-version:model-v1']);
  });

  it('refuses an unknown node and a depth out of range', async () => {
    const handler = await arrange();

    await expect(
      handler.execute({ nodeType: 'model-version', id: 'run-1', direction: 'both', depth: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      handler.execute({ nodeType: 'workflow-run', id: 'run-1', direction: 'both', depth: 0 }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
