import { Injectable } from '@nestjs/common';
import { SignalProjections } from '../ports/signal-projections.js';
import type { RecordSignalEventCommand } from './record-signal-event.command.js';

/** The event types that feed signals, by the source context whose stream carries them. */
export const SIGNAL_EVENT_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
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

const OUTCOMES = { succeeded: 'succeeded', failed: 'failed', cancelled: 'cancelled' } as const;

/**
 * Keeps what alert signals need of another context's event, and nothing more: a run's start and
 * outcome, how many attempts a finished task run took, a failed check suite with the dataset version it ran on (the lineage link), a model's
 * registration and its latest approval. Payloads are read by the producers' contracts' field names.
 */
@Injectable()
export class RecordSignalEventHandler {
  constructor(private readonly projections: SignalProjections) {}

  async execute(command: RecordSignalEventCommand): Promise<void> {
    const at = new Date(command.occurredAt);
    const payload = command.payload as Record<string, string> & {
      checks?: { checkResultId: string; status: string }[];
      attempt?: number;
    };
    const [source, aggregate, verb] = command.type.split('.');
    if (source === 'workflow-engine' && aggregate === 'workflow-run') {
      const run = { runId: payload.runId, projectId: payload.projectId, workflowId: payload.workflowId, at };
      if (verb === 'started') await this.projections.runStarted(run);
      else if (verb in OUTCOMES) {
        await this.projections.runFinished({ ...run, outcome: OUTCOMES[verb as keyof typeof OUTCOMES] });
      }
    } else if (source === 'workflow-engine' && aggregate === 'task-run') {
      await this.projections.taskFinished({
        runId: payload.runId,
        projectId: payload.projectId,
        workflowId: payload.workflowId,
        taskRunKey: payload.taskRunKey,
        taskId: payload.taskId,
        attempt: payload.attempt ?? 1,
        at,
      });
    } else if (command.type === 'data-pipeline.check-suite.failed.v1') {
      await this.projections.checksFailed({
        checkRunId: payload.checkRunId,
        projectId: payload.projectId,
        datasetId: payload.datasetId,
        versionId: payload.versionId,
        checkResultIds: (payload.checks ?? []).filter((c) => c.status === 'fail').map((c) => c.checkResultId),
        at,
      });
    } else if (command.type === 'model-registry.model.registered.v1') {
      await this.projections.modelRegistered({ modelId: payload.modelId, projectId: payload.projectId, at });
    } else if (command.type === 'model-registry.model-version.approved.v1') {
      await this.projections.versionApproved({ modelId: payload.modelId, projectId: payload.projectId, at });
    }
  }
}
