import { Injectable } from '@nestjs/common';
import { RunLogTable, type LogRecord, type LogSearchCriteria } from '@libs/platform';
import { TaskLogSource } from '../../contracts/task-log-source.js';
import { TypeOrmRunTransaction } from './typeorm-run-transaction.js';

/** `workflow_engine.task_log_lines` searched by project through the run that wrote them. */
@Injectable()
export class PostgresTaskLogSource extends TaskLogSource {
  readonly source = 'task-run';
  private readonly table: RunLogTable;

  constructor(transaction: TypeOrmRunTransaction) {
    super();
    this.table = new RunLogTable(transaction, this.source, {
      table: 'workflow_engine.task_log_lines',
      from: 'workflow_engine.task_log_lines l JOIN workflow_engine.runs r ON r.id = l.run_id',
      columns: {
        at: 'l.at',
        seq: 'l.seq',
        level: 'l.level',
        message: 'l.line',
        projectId: 'r.project_id',
        runId: 'l.run_id',
        taskId: 'l.task_run_key',
        attempt: 'l.attempt',
      },
    });
  }

  search(criteria: LogSearchCriteria): Promise<readonly LogRecord[]> {
    return this.table.search(criteria);
  }

  pruneBefore(cutoff: Date): Promise<number> {
    return this.table.pruneBefore(cutoff);
  }
}
