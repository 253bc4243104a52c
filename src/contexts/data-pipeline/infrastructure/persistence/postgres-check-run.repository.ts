import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import type { CheckStatus } from '../../domain/checks/check-result.js';
import type { CheckRun, StoredCheckResult } from '../../domain/checks/check-run.js';
import { CheckRunRepository } from '../../domain/checks/check-run.repository.js';
import type { CheckSuiteInput } from '../../domain/checks/check-suite.js';

interface CheckRunRow {
  readonly id: string;
  readonly project_id: string;
  readonly dataset_id: string | null;
  readonly version_id: string | null;
  readonly pipeline_run_id: string | null;
  readonly status: CheckStatus;
  readonly suite: CheckSuiteInput;
  readonly results: StoredCheckResult[];
  readonly created_by: string;
  readonly created_at: Date;
}

const COLUMNS =
  'id, project_id, dataset_id, version_id, pipeline_run_id, status, suite, results, created_by, created_at';

/** Check runs in `data_pipeline.check_runs`; the suite and results are JSON, written once and read whole. */
@Injectable()
export class PostgresCheckRunRepository extends CheckRunRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async add(run: CheckRun): Promise<void> {
    await this.scope
      .manager()
      .query(`INSERT INTO data_pipeline.check_runs (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
        run.id,
        run.projectId,
        run.datasetId,
        run.versionId,
        run.pipelineRunId,
        run.status,
        JSON.stringify(run.suite),
        JSON.stringify(run.results),
        run.actorId,
        run.createdAt,
      ]);
  }

  async find(id: string): Promise<CheckRun | undefined> {
    if (!isUuid(id)) return undefined;
    const rows: CheckRunRow[] = await this.scope
      .manager()
      .query(`SELECT ${COLUMNS} FROM data_pipeline.check_runs WHERE id = $1`, [id]);
    return rows[0] && toDomain(rows[0]);
  }

  async listByVersion(versionId: string): Promise<CheckRun[]> {
    if (!isUuid(versionId)) return [];
    const rows: CheckRunRow[] = await this.scope
      .manager()
      .query(
        `SELECT ${COLUMNS} FROM data_pipeline.check_runs WHERE version_id = $1 ORDER BY created_at DESC, id DESC`,
        [versionId],
      );
    return rows.map(toDomain);
  }
}

function toDomain(row: CheckRunRow): CheckRun {
  return {
    id: row.id,
    projectId: row.project_id,
    datasetId: row.dataset_id,
    versionId: row.version_id,
    pipelineRunId: row.pipeline_run_id,
    status: row.status,
    suite: row.suite,
    results: row.results,
    actorId: row.created_by,
    createdAt: row.created_at,
  };
}
