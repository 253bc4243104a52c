import { describe, expect, it } from '@jest/globals';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import { RecordTaskRunHandler } from './record-task-run.handler.js';

const PROJECT = '0190f2a4-0000-7000-8000-000000000001';

describe('RecordTaskRunHandler', () => {
  it('records the task run as part of its workflow run, once however often it is told', async () => {
    const ports = fakeLineagePorts();
    const handler = new RecordTaskRunHandler(ports.transaction, ports.graph);
    const command = {
      projectId: PROJECT,
      runId: 'run-1',
      workflowId: 'wf-1',
      taskRunKey: 'train[2]',
      taskId: 'train',
      taskType: 'noop',
      attempt: 1,
      state: 'succeeded',
      at: '2026-01-01T00:01:00Z',
    } as const;

    await handler.execute(command);
    await handler.execute(command);

    expect(await ports.graph.find({ type: 'task-run', id: 'run-1/train[2]' })).toMatchObject({
      projectId: PROJECT,
      facets: {
        task: { id: 'train', key: 'train[2]', type: 'noop', attempt: 1, workflowId: 'wf-1' },
        status: { state: 'succeeded', at: '2026-01-01T00:01:00Z' },
      },
    });
    expect(ports.graph.edges).toEqual([
      {
        from: { type: 'workflow-run', id: 'run-1' },
        to: { type: 'task-run', id: 'run-1/train[2]' },
        kind: 'part-of',
        projectId: PROJECT,
      },
    ]);
  });
});
