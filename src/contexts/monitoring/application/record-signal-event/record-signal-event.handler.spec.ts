import { describe, expect, it } from '@jest/globals';
import { DATA_PIPELINE_EVENT_TYPES } from '@contexts/data-pipeline';
import { MODEL_REGISTRY_EVENT_TYPES } from '@contexts/model-registry';
import { WORKFLOW_ENGINE_EVENT_TYPES } from '@contexts/workflow-engine';
import { SignalProjections } from '../../application/ports/signal-projections.js';
import type { RecordSignalEventCommand } from './record-signal-event.command.js';
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
  const record = async (command: RecordSignalEventCommand) => {
    const projections = new RecordedProjections();
    await new RecordSignalEventHandler(projections).execute(command);
    return projections.calls;
  };

  it('keeps a run’s start and its outcome', async () => {
    expect(await record({ type: 'workflow-engine.workflow-run.started.v1', occurredAt, payload: run })).toEqual([
      ['runStarted', { ...run, at: new Date(occurredAt) }],
    ]);
    const failed = { ...run, failedTasks: ['a'] };
    expect(await record({ type: 'workflow-engine.workflow-run.failed.v1', occurredAt, payload: failed })).toEqual([
      ['runFinished', { ...run, outcome: 'failed', at: new Date(occurredAt) }],
    ]);
    const cancelled = { type: 'workflow-engine.workflow-run.cancelled.v1', occurredAt, payload: run } as const;
    expect(await record(cancelled)).toEqual([
      ['runFinished', { ...run, outcome: 'cancelled', at: new Date(occurredAt) }],
    ]);
  });

  it('keeps how many attempts a finished task run took, whether it succeeded or failed', async () => {
    const task = { ...run, taskRunKey: 'train[2]', taskId: 'train', attempt: 3 };
    const payload = { ...task, workflowVersion: 1 };
    for (const type of ['workflow-engine.task-run.succeeded.v1', 'workflow-engine.task-run.failed.v1'] as const) {
      expect(await record({ type, occurredAt, payload })).toEqual([
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
    expect(await record({ type: 'data-pipeline.check-suite.failed.v1', occurredAt, payload })).toEqual([
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

  it('keeps model registrations and approvals, and only the fields it needs', async () => {
    const model = { modelId: 'm', projectId: 'p' };
    const approved = { ...model, versionId: 'v', versionNumber: 1, decidedBy: 'ann', comment: 'fine' };
    expect(await record({ type: 'model-registry.model-version.approved.v1', occurredAt, payload: approved })).toEqual([
      ['versionApproved', { ...model, at: new Date(occurredAt) }],
    ]);
    const registered = { ...model, name: 'churn', registeredBy: 'ann' };
    expect(await record({ type: 'model-registry.model.registered.v1', occurredAt, payload: registered })).toEqual([
      ['modelRegistered', { ...model, at: new Date(occurredAt) }],
    ]);
  });

  it('subscribes by source to types its source publishes, so no event it reads is misspelt', () => {
    const published = new Map<string, readonly string[]>([
      ['workflow-engine', WORKFLOW_ENGINE_EVENT_TYPES],
      ['data-pipeline', DATA_PIPELINE_EVENT_TYPES],
      ['model-registry', MODEL_REGISTRY_EVENT_TYPES],
    ]);
    expect([...SIGNAL_EVENT_TYPES.keys()]).toEqual([...published.keys()]);
    for (const [source, types] of SIGNAL_EVENT_TYPES)
      expect(published.get(source)).toEqual(expect.arrayContaining([...types]));
  });
});
