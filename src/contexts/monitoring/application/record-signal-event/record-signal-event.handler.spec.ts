import { describe, expect, it } from '@jest/globals';
import { SignalProjections } from '../../application/ports/signal-projections.js';
import { RecordSignalEventHandler, SIGNAL_EVENT_TYPES } from './record-signal-event.handler.js';

/** Remembers each projection call by name. */
class RecordedProjections extends SignalProjections {
  readonly calls: [string, unknown][] = [];
  private record(name: string, input: unknown): Promise<void> {
    this.calls.push([name, input]);
    return Promise.resolve();
  }
  runStarted(run: unknown) {
    return this.record('runStarted', run);
  }
  runFinished(run: unknown) {
    return this.record('runFinished', run);
  }
  taskFinished(task: unknown) {
    return this.record('taskFinished', task);
  }
  checksFailed(failure: unknown) {
    return this.record('checksFailed', failure);
  }
  modelRegistered(model: unknown) {
    return this.record('modelRegistered', model);
  }
  versionApproved(model: unknown) {
    return this.record('versionApproved', model);
  }
}

describe('RecordSignalEventHandler', () => {
  const occurredAt = '2026-12-07T00:00:00.000Z';
  const run = { runId: 'r', projectId: 'p', workflowId: 'w' };
  const record = async (type: string, payload: unknown) => {
    const projections = new RecordedProjections();
    await new RecordSignalEventHandler(projections).execute({ type, occurredAt, payload });
    return projections.calls;
  };

  it('keeps a run’s start and its outcome', async () => {
    expect(await record('workflow-engine.workflow-run.started.v1', run)).toEqual([
      ['runStarted', { ...run, at: new Date(occurredAt) }],
    ]);
    expect(await record('workflow-engine.workflow-run.failed.v1', { ...run, failedTasks: ['a'] })).toEqual([
      ['runFinished', { ...run, outcome: 'failed', at: new Date(occurredAt) }],
    ]);
  });

  it('keeps how many attempts a finished task run took, whether it succeeded or failed', async () => {
    const task = { ...run, taskRunKey: 'train[2]', taskId: 'train', attempt: 3 };
    for (const verb of ['succeeded', 'failed']) {
      expect(await record(`workflow-engine.task-run.${verb}.v1`, { ...task, workflowVersion: 1 })).toEqual([
        ['taskFinished', { ...task, at: new Date(occurredAt) }],
      ]);
    }
  });

  it('keeps a failed check suite with its dataset version and only its failed results', async () => {
    const payload = {
      projectId: 'p',
      datasetId: 'd',
      versionId: 'v',
      checkRunId: 'c',
      checks: [
        { checkResultId: 'x', status: 'fail' },
        { checkResultId: 'y', status: 'pass' },
      ],
    };
    expect(await record('data-pipeline.check-suite.failed.v1', payload)).toEqual([
      [
        'checksFailed',
        {
          checkRunId: 'c',
          projectId: 'p',
          datasetId: 'd',
          versionId: 'v',
          checkResultIds: ['x'],
          at: new Date(occurredAt),
        },
      ],
    ]);
  });

  it('keeps model registrations and approvals, and ignores what feeds no signal', async () => {
    expect(await record('model-registry.model-version.approved.v1', { modelId: 'm', projectId: 'p' })).toEqual([
      ['versionApproved', { modelId: 'm', projectId: 'p', at: new Date(occurredAt) }],
    ]);
    expect(await record('workflow-engine.approval.requested.v1', { ...run, taskRunKey: 'gate' })).toEqual([]);
    expect([...SIGNAL_EVENT_TYPES.keys()]).toEqual(['workflow-engine', 'data-pipeline', 'model-registry']);
  });
});
