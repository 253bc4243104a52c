import { describe, expect, it } from '@jest/globals';
import type { ModelRegistryEvents } from '@contexts/model-registry';
import { envelopeOf } from '../../../../../test/support/data-pipeline/event-envelopes.js';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import { RecordAliasMoveHandler } from '../../application/record-alias-move/record-alias-move.handler.js';
import { RecordModelReviewHandler } from '../../application/record-model-review/record-model-review.handler.js';
import { RecordModelVersionHandler } from '../../application/record-model-version/record-model-version.handler.js';
import { ModelRegistryLineageConsumer } from './model-registry-lineage.consumer.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';
const VERSION = { projectId: PROJECT, modelId: 'm-1', versionId: 'v-1', versionNumber: 1 };

function arrange() {
  const ports = fakeLineagePorts();
  const consumer = new ModelRegistryLineageConsumer(
    new RecordModelVersionHandler(ports.transaction, ports.graph),
    new RecordModelReviewHandler(ports.graph),
    new RecordAliasMoveHandler(ports.transaction, ports.graph),
  );
  return { ports, consumer };
}

// The payloads are typed by the registry's own contract: if it changes in a way the consumer's
// reading (RegistryEventsAsRead) does not accept, this file stops compiling.
describe('ModelRegistryLineageConsumer', () => {
  it('records a created version, its review and its alias from the registry’s events', async () => {
    const { ports, consumer } = arrange();
    const created: ModelRegistryEvents['model-registry.model-version.created.v1'] = {
      ...VERSION,
      framework: 'onnx',
      registeredBy: 'ann',
      source: { runId: 'run-1', taskId: 'train', workflowId: 'wf-1' },
      trainingDatasetVersionIds: ['dv-1'],
    };
    const approved: ModelRegistryEvents['model-registry.model-version.approved.v1'] = {
      ...VERSION,
      decidedBy: 'bob',
      comment: 'fine',
    };
    const moved: ModelRegistryEvents['model-registry.alias.moved.v1'] = {
      modelId: 'm-1',
      projectId: PROJECT,
      alias: 'champion',
      versionId: 'v-1',
      versionNumber: 1,
      previousVersionId: null,
      aliasVersion: 1,
    };
    const approval = envelopeOf('model-registry.model-version.approved.v1', approved, 't1');

    await consumer.handle(envelopeOf('model-registry.model-version.created.v1', created, 't0'));
    await consumer.handle(approval);
    await consumer.handle(envelopeOf('model-registry.alias.moved.v1', moved, 't2'));

    const node = await ports.graph.find({ type: 'model-version', id: 'v-1' });
    expect(node?.facets).toMatchObject({
      model: { id: 'm-1', versionNumber: 1, framework: 'onnx' },
      approvals: { [approval.id]: { decision: 'Approved', decidedBy: 'bob', comment: 'fine', at: 't1' } },
      aliases: { champion: { aliasVersion: 1, at: 't2' } },
    });
    expect(ports.graph.edges.map(({ from, kind }) => `${from.type}:${from.id} ${kind}`)).toEqual([
      'workflow-run:run-1 produced',
      'task-run:run-1/train produced',
      'dataset-version:dv-1 trained-on',
    ]);
  });

  it('records a rejection as a decision among the approvals', async () => {
    const { ports, consumer } = arrange();
    await ports.graph.recordNode({ type: 'model-version', id: 'v-1', projectId: PROJECT, name: 'v', facets: {} });
    const rejected: ModelRegistryEvents['model-registry.model-version.rejected.v1'] = {
      ...VERSION,
      decidedBy: 'bob',
      comment: 'bias',
    };

    const event = envelopeOf('model-registry.model-version.rejected.v1', rejected);
    await consumer.handle(event);

    const node = await ports.graph.find({ type: 'model-version', id: 'v-1' });
    expect(node?.facets.approvals).toEqual({ [event.id]: expect.objectContaining({ decision: 'Rejected' }) });
  });
});
