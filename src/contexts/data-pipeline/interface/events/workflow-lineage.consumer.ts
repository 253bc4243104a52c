import { Injectable } from '@nestjs/common';
import { SelfCommittingEventHandler, type EnvelopeOf } from '@libs/messaging';
import type { WorkflowEngineEvents } from '@contexts/workflow-engine';
import { RecordTaskRunHandler } from '../../application/record-task-run/record-task-run.handler.js';
import type { WorkflowRunState } from '../../application/record-workflow-run/record-workflow-run.command.js';
import { RecordWorkflowRunHandler } from '../../application/record-workflow-run/record-workflow-run.handler.js';

const RUN_EVENTS = [
  'workflow-engine.workflow-run.started.v1',
  'workflow-engine.workflow-run.succeeded.v1',
  'workflow-engine.workflow-run.failed.v1',
  'workflow-engine.workflow-run.cancelled.v1',
] as const;
const RUN_STATES: Record<(typeof RUN_EVENTS)[number], WorkflowRunState> = {
  'workflow-engine.workflow-run.started.v1': 'running',
  'workflow-engine.workflow-run.succeeded.v1': 'succeeded',
  'workflow-engine.workflow-run.failed.v1': 'failed',
  'workflow-engine.workflow-run.cancelled.v1': 'cancelled',
};
const LINEAGE_EVENTS = [
  ...RUN_EVENTS,
  'workflow-engine.task-run.succeeded.v1',
  'workflow-engine.task-run.failed.v1',
] as const;
type LineageEvent = (typeof LINEAGE_EVENTS)[number];

/**
 * Feeds the lineage graph with the workflow engine's runs and task runs. Every write is an upsert,
 * so the graph commits on its own and a redelivery after a crash changes nothing.
 */
@Injectable()
export class WorkflowLineageConsumer extends SelfCommittingEventHandler<WorkflowEngineEvents, LineageEvent> {
  readonly consumer = 'data-pipeline.lineage-from-workflow-engine';
  readonly eventType = LINEAGE_EVENTS;

  constructor(
    private readonly runs: RecordWorkflowRunHandler,
    private readonly taskRuns: RecordTaskRunHandler,
  ) {
    super();
  }

  async handleOnItsOwn(event: EnvelopeOf<WorkflowEngineEvents, LineageEvent>): Promise<void> {
    const at = event.occurredAt;
    if (event.type === 'workflow-engine.task-run.succeeded.v1' || event.type === 'workflow-engine.task-run.failed.v1') {
      const { projectId, runId, workflowId, taskRunKey, taskId, taskType, attempt } = event.payload;
      const state = event.type === 'workflow-engine.task-run.succeeded.v1' ? 'succeeded' : 'failed';
      await this.taskRuns.execute({ projectId, runId, workflowId, taskRunKey, taskId, taskType, attempt, state, at });
      return;
    }
    const { projectId, runId, workflowId, workflowVersion, startedAt } = event.payload;
    const state = RUN_STATES[event.type];
    await this.runs.execute({ projectId, runId, workflowId, workflowVersion, state, at, startedAt });
  }
}
