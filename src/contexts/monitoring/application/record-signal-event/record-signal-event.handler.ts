import { Injectable } from '@nestjs/common';
import { SignalProjections } from '../ports/signal-projections.js';
import type { RecordSignalEventCommand, SignalEventType, SignalEventsAsRead } from './record-signal-event.command.js';

/** The event types that feed signals, by the source context whose stream carries them. */
export const SIGNAL_EVENT_TYPES: ReadonlyMap<string, readonly SignalEventType[]> = new Map<
  string,
  readonly SignalEventType[]
>([
  [
    'workflow-engine',
    [
      'workflow-engine.workflow-run.started.v1',
      'workflow-engine.workflow-run.succeeded.v1',
      'workflow-engine.workflow-run.failed.v1',
      'workflow-engine.workflow-run.cancelled.v1',
      'workflow-engine.task-run.succeeded.v1',
      'workflow-engine.task-run.failed.v1',
    ],
  ],
  ['data-pipeline', ['data-pipeline.check-suite.failed.v1']],
  ['model-registry', ['model-registry.model.registered.v1', 'model-registry.model-version.approved.v1']],
]);

const OUTCOMES = {
  'workflow-engine.workflow-run.succeeded.v1': 'succeeded',
  'workflow-engine.workflow-run.failed.v1': 'failed',
  'workflow-engine.workflow-run.cancelled.v1': 'cancelled',
} as const;

/**
 * Keeps what alert signals need of another context's event, and nothing more: a run's start and
 * outcome, how many attempts a finished task run took, a failed check suite with the dataset
 * version it ran on (the lineage link), a model's registration and its latest approval. The event's type narrows its payload to what its producer's
 * contract declares.
 */
@Injectable()
export class RecordSignalEventHandler {
  constructor(private readonly projections: SignalProjections) {}

  async execute(command: RecordSignalEventCommand): Promise<void> {
    const at = new Date(command.occurredAt);
    switch (command.type) {
      case 'workflow-engine.workflow-run.started.v1':
        return this.projections.runStarted(runOf(command.payload, at));
      case 'workflow-engine.workflow-run.succeeded.v1':
      case 'workflow-engine.workflow-run.failed.v1':
      case 'workflow-engine.workflow-run.cancelled.v1':
        return this.projections.runFinished({ ...runOf(command.payload, at), outcome: OUTCOMES[command.type] });
      case 'workflow-engine.task-run.succeeded.v1':
      case 'workflow-engine.task-run.failed.v1': {
        const { taskRunKey, taskId, attempt } = command.payload;
        return this.projections.taskFinished({ ...runOf(command.payload, at), taskRunKey, taskId, attempt });
      }
      case 'data-pipeline.check-suite.failed.v1': {
        const { checkRunId, projectId, datasetId, versionId, checks } = command.payload;
        const checkResultIds = checks.filter((c) => c.status === 'fail').map((c) => c.checkResultId);
        return this.projections.checksFailed({ checkRunId, projectId, datasetId, versionId, checkResultIds, at });
      }
      case 'model-registry.model.registered.v1':
        return this.projections.modelRegistered({ ...modelOf(command.payload), at });
      case 'model-registry.model-version.approved.v1':
        return this.projections.versionApproved({ ...modelOf(command.payload), at });
    }
  }
}

function runOf(
  { runId, projectId, workflowId }: SignalEventsAsRead['workflow-engine.workflow-run.started.v1'],
  at: Date,
) {
  return { runId, projectId, workflowId, at };
}

function modelOf({ modelId, projectId }: SignalEventsAsRead['model-registry.model.registered.v1']) {
  return { modelId, projectId };
}
