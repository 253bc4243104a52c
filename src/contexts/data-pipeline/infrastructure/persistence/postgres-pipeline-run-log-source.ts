import { Injectable } from '@nestjs/common';
import { AmbientTransaction, RunLogTable, type LogRecord, type LogSearchCriteria } from '@libs/platform';
import { PipelineRunLogSource } from '../../contracts/pipeline-run-log-source.js';

/** `data_pipeline.pipeline_run_log_lines` for monitoring's log search. */
@Injectable()
export class PostgresPipelineRunLogSource extends PipelineRunLogSource {
  readonly source = 'pipeline-run';
  private readonly table: RunLogTable;

  constructor(scope: AmbientTransaction) {
    super();
    this.table = new RunLogTable(scope, this.source, {
      table: 'data_pipeline.pipeline_run_log_lines',
      from: 'data_pipeline.pipeline_run_log_lines',
      columns: {
        at: 'at',
        seq: 'seq',
        level: 'level',
        message: 'message',
        projectId: 'project_id',
        runId: 'run_id',
        taskId: 'step',
        attempt: 'attempt',
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
