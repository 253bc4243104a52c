import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { ProjectOfCheckRun } from '../../application/ports/project-of-check-run.js';

@Injectable()
export class PostgresProjectOfCheckRun extends ProjectOfCheckRun {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async projectOf(checkRunId: string): Promise<string | undefined> {
    if (!isUuid(checkRunId)) return undefined;
    const rows: { project_id: string }[] = await this.scope
      .manager()
      .query('SELECT project_id FROM data_pipeline.check_runs WHERE id = $1', [checkRunId]);
    return rows[0]?.project_id;
  }
}
