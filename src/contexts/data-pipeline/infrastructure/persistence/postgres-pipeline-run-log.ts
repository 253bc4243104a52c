import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import { PipelineRunLog, type PipelineRunLogLine } from '../../application/ports/pipeline-run-log.js';

/** Lines of `data_pipeline.pipeline_run_log_lines`, in the caller's transaction. */
@Injectable()
export class PostgresPipelineRunLog extends PipelineRunLog {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async append({ runId, projectId, attempt, step, level, message }: PipelineRunLogLine): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO data_pipeline.pipeline_run_log_lines (run_id, project_id, attempt, step, level, at, message)
       VALUES ($1, $2, $3, $4, $5, now(), $6)`,
      [runId, projectId, attempt, step, level, message],
    );
  }
}
