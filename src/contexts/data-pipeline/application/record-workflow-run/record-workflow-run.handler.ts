import { Injectable } from '@nestjs/common';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import type { OpenLineageEventType } from '../../domain/lineage/openlineage-run-events.js';
import { Transaction } from '../ports/transaction.js';
import { OpenLineageForwarding } from '../services/openlineage-forwarding.js';
import type { RecordWorkflowRunCommand, WorkflowRunState } from './record-workflow-run.command.js';

const RUN_EVENT_OF_STATE: Readonly<Record<WorkflowRunState, OpenLineageEventType>> = {
  running: 'START',
  succeeded: 'COMPLETE',
  failed: 'FAIL',
  cancelled: 'ABORT',
};

/**
 * Records a workflow run as a node: its workflow, when it started, and its state. A start
 * redelivered after the run's end keeps the end: only an end replaces the state of a recorded run.
 * The matching OpenLineage RunEvent is queued for the configured endpoint in the same transaction.
 */
@Injectable()
export class RecordWorkflowRunHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly graph: LineageGraphRepository,
    private readonly forwarding: OpenLineageForwarding,
  ) {}

  execute(command: RecordWorkflowRunCommand): Promise<void> {
    const { projectId, runId, workflowId, workflowVersion, state, at } = command;
    return this.transaction.run(async () => {
      const recorded = await this.graph.find({ type: 'workflow-run', id: runId });
      const started = state === 'running';
      await this.graph.recordNode({
        type: 'workflow-run',
        id: runId,
        projectId,
        name: `workflow ${workflowId} v${workflowVersion}`,
        facets: {
          workflow: { id: workflowId, version: workflowVersion },
          ...(started && { started: { at } }),
          ...((!started || !recorded?.facets.status) && { status: { state, at } }),
        },
      });
      await this.forwarding.enqueueFromGraph({ type: 'workflow-run', id: runId }, RUN_EVENT_OF_STATE[state]);
    });
  }
}
