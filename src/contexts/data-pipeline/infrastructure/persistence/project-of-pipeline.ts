import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { ProjectOfPipeline, ProjectOfPipelineRun } from '../../application/ports/project-of-pipeline.js';

async function projectIn(scope: AmbientTransaction, table: string, id: string): Promise<string | undefined> {
  if (!isUuid(id)) return undefined;
  const rows: { project_id: string }[] = await scope
    .manager()
    .query(`SELECT project_id FROM data_pipeline.${table} WHERE id = $1`, [id]);
  return rows[0]?.project_id;
}

@Injectable()
export class PostgresProjectOfPipeline extends ProjectOfPipeline {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  projectOf(pipelineId: string): Promise<string | undefined> {
    return projectIn(this.scope, 'pipelines', pipelineId);
  }
}

@Injectable()
export class PostgresProjectOfPipelineRun extends ProjectOfPipelineRun {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  projectOf(runId: string): Promise<string | undefined> {
    return projectIn(this.scope, 'pipeline_runs', runId);
  }
}
