import { Injectable } from '@nestjs/common';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import { Transaction } from '../ports/transaction.js';
import type { RecordWorkflowRunCommand } from './record-workflow-run.command.js';

/**
 * Records a workflow run as a node: its workflow, when it started, and its state. A start
 * redelivered after the run's end keeps the end: only an end replaces the state of a recorded run.
 */
@Injectable()
export class RecordWorkflowRunHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly graph: LineageGraphRepository,
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
    });
  }
}
