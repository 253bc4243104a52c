import { describe, expect, it } from '@jest/globals';
import type { WorkflowEngineEvents } from '@contexts/workflow-engine';
import { envelopeOf } from '../../../../../test/support/data-pipeline/event-envelopes.js';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import { RecordTaskRunHandler } from '../../application/record-task-run/record-task-run.handler.js';
import { RecordWorkflowRunHandler } from '../../application/record-workflow-run/record-workflow-run.handler.js';
import { WorkflowLineageConsumer } from './workflow-lineage.consumer.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';
const RUN = { runId: 'run-1', workflowId: 'wf-1', workflowVersion: 4, projectId: PROJECT, triggerDepth: 0 };

function arrange() {
  const ports = fakeLineagePorts();
  const consumer = new WorkflowLineageConsumer(
    new RecordWorkflowRunHandler(ports.transaction, ports.graph, ports.forwarding),
    new RecordTaskRunHandler(ports.transaction, ports.graph),
  );
  return { ports, consumer };
}

describe('WorkflowLineageConsumer', () => {
  it('records a run from its start to its end, and its task runs as parts of it', async () => {
    const { ports, consumer } = arrange();
    const started: WorkflowEngineEvents['workflow-engine.workflow-run.started.v1'] = { ...RUN, params: {} };
    const task: WorkflowEngineEvents['workflow-engine.task-run.failed.v1'] = {
      ...RUN,
      taskRunKey: 'train',
      taskId: 'train',
      taskType: 'noop',
      attempt: 2,
      error: 'boom',
    };
    const failed: WorkflowEngineEvents['workflow-engine.workflow-run.failed.v1'] = { ...RUN, failedTasks: ['train'] };

    await consumer.handle(envelopeOf('workflow-engine.workflow-run.started.v1', started, 't0'));
    await consumer.handle(envelopeOf('workflow-engine.task-run.failed.v1', task, 't1'));
    await consumer.handle(envelopeOf('workflow-engine.workflow-run.failed.v1', failed, 't2'));

    expect((await ports.graph.find({ type: 'workflow-run', id: 'run-1' }))?.facets).toEqual({
      workflow: { id: 'wf-1', version: 4 },
      started: { at: 't0' },
      status: { state: 'failed', at: 't2' },
    });
    expect((await ports.graph.find({ type: 'task-run', id: 'run-1/train' }))?.facets.status).toEqual({
      state: 'failed',
      at: 't1',
    });
    expect(ports.graph.edges.map((edge) => edge.kind)).toEqual(['part-of']);
  });

  it('subscribes to the run events and the task run ends, in a group of its own context', () => {
    const { consumer } = arrange();

    expect(consumer.consumer).toBe('data-pipeline.lineage-from-workflow-engine');
    expect([...consumer.eventType].sort()).toEqual([
      'workflow-engine.task-run.failed.v1',
      'workflow-engine.task-run.succeeded.v1',
      'workflow-engine.workflow-run.cancelled.v1',
      'workflow-engine.workflow-run.failed.v1',
      'workflow-engine.workflow-run.started.v1',
      'workflow-engine.workflow-run.succeeded.v1',
    ]);
  });
});
