import { Injectable } from '@nestjs/common';
import { edgeFrom } from '../../domain/lineage/lineage-edge.js';
import { LineageGraphRepository } from '../../domain/lineage/lineage-graph.repository.js';
import { taskRunNodeId } from '../../domain/lineage/lineage-node.js';
import { Transaction } from '../ports/transaction.js';
import type { RecordTaskRunCommand } from './record-task-run.command.js';

/** Records a task run as a node that is `part-of` its workflow run, with its task, type, attempt and end. */
@Injectable()
export class RecordTaskRunHandler {
  constructor(
    private readonly transaction: Transaction,
    private readonly graph: LineageGraphRepository,
  ) {}

  execute(command: RecordTaskRunCommand): Promise<void> {
    const { projectId, runId, taskRunKey, taskId, taskType, attempt, state, at } = command;
    const id = taskRunNodeId(runId, taskRunKey);
    return this.transaction.run(async () => {
      await this.graph.recordNode({
        type: 'task-run',
        id,
        projectId,
        name: `task ${taskRunKey} of run ${runId}`,
        facets: {
          task: { id: taskId, key: taskRunKey, type: taskType, attempt, workflowId: command.workflowId },
          status: { state, at },
        },
      });
      await this.graph.recordEdge(
        edgeFrom({ type: 'workflow-run', id: runId }, 'part-of', { type: 'task-run', id }),
        projectId,
      );
    });
  }
}
