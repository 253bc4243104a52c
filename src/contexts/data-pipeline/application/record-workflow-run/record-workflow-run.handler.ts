import { Injectable } from '@nestjs/common';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import type { OpenLineageEventType } from '../../domain/lineage/openlineage-run-events.js';
import { Transaction } from '../ports/transaction.js';
import { OpenLineageForwarding } from '../services/openlineage-forwarding.js';
import type { RecordWorkflowRunCommand, WorkflowRunState } from './record-workflow-run.command.js';

/** In the order they are sent. An end queues its run's START too, ahead of itself; a START queued already is kept. */
const RUN_EVENTS_OF_STATE: Readonly<Record<WorkflowRunState, readonly OpenLineageEventType[]>> = {
  running: ['START'],
  succeeded: ['START', 'COMPLETE'],
  failed: ['START', 'FAIL'],
  cancelled: ['START', 'ABORT'],
};

/**
 * Records a workflow run as a node: its workflow, when it started, and its state. A start recorded
 * after the run's end keeps the end: only an end replaces the state of a recorded run. The matching
 * OpenLineage RunEvents are queued for the configured endpoint in the same transaction.
 *
 * The end may be recorded first: the start's recording failed and waits for redelivery while the
 * rest of its batch goes on, or two workers took the two events at once. The end tells when the run
 * started, so it records the start as well and its START goes out first (docs/adr/0405); the late
 * start then changes nothing. The graph and the forwarded events end as they do in order.
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
    const node = { type: 'workflow-run', id: runId } as const;
    const starting = state === 'running';
    // The engine's start time, the same in the start's event and the end's.
    const startedAt = command.startedAt ?? (starting ? at : undefined);
    return this.transaction.run(async () => {
      // A start and an end recorded at once would each miss the other's write, and the start's state win.
      await this.graph.lock(node);
      const recorded = await this.graph.find(node);
      await this.graph.recordNode({
        ...node,
        projectId,
        name: `workflow ${workflowId} v${workflowVersion}`,
        facets: {
          workflow: { id: workflowId, version: workflowVersion },
          ...(startedAt !== undefined && { started: { at: startedAt } }),
          ...((!starting || !recorded?.facets.status) && { status: { state, at: starting ? startedAt : at } }),
        },
      });
      await this.forwarding.enqueueFromGraph(node, ...RUN_EVENTS_OF_STATE[state]);
    });
  }
}
