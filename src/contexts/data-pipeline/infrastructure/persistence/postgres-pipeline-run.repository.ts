import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import {
  PipelineRun,
  type PipelineRunStatus,
  type RunOutput,
  type StepProgress,
} from '../../domain/pipeline/pipeline-run.js';
import { PipelineRunRepository } from '../../domain/pipeline/pipeline-run.repository.js';

interface RunRow {
  readonly id: string;
  readonly project_id: string;
  readonly pipeline_id: string;
  readonly pipeline_version: number;
  readonly status: PipelineRunStatus;
  readonly attempt: number;
  readonly steps: StepProgress[];
  readonly outputs: RunOutput[];
  readonly error: string | null;
  readonly created_by: string;
  readonly idempotency_key: string | null;
  readonly created_at: Date;
  readonly started_at: Date | null;
  readonly finished_at: Date | null;
}

const COLUMNS =
  'id, project_id, pipeline_id, pipeline_version, status, attempt, steps, outputs, error, created_by, idempotency_key, created_at, started_at, finished_at';

/** Pipeline runs in `data_pipeline.pipeline_runs`; steps and outputs are JSON, read and written whole. */
@Injectable()
export class PostgresPipelineRunRepository extends PipelineRunRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async add(run: PipelineRun): Promise<void> {
    await this.scope
      .manager()
      .query(
        `INSERT INTO data_pipeline.pipeline_runs (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        valuesOf(run),
      );
  }

  async save(run: PipelineRun): Promise<void> {
    const s = run.snapshot;
    await this.scope.manager().query(
      `UPDATE data_pipeline.pipeline_runs
            SET status = $2, attempt = $3, steps = $4, outputs = $5, error = $6, started_at = $7, finished_at = $8
          WHERE id = $1`,
      [
        s.id,
        s.status,
        s.attempt,
        JSON.stringify(s.steps),
        JSON.stringify(s.outputs),
        s.error ?? null,
        s.startedAt ?? null,
        s.finishedAt ?? null,
      ],
    );
  }

  async find(id: string, options: { lock?: boolean } = {}): Promise<PipelineRun | undefined> {
    if (!isUuid(id)) return undefined;
    const rows: RunRow[] = await this.scope
      .manager()
      .query(`SELECT ${COLUMNS} FROM data_pipeline.pipeline_runs WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [
        id,
      ]);
    return rows[0] && toDomain(rows[0]);
  }

  async findByIdempotencyKey(pipelineId: string, key: string): Promise<PipelineRun | undefined> {
    const rows: RunRow[] = await this.scope
      .manager()
      .query(`SELECT ${COLUMNS} FROM data_pipeline.pipeline_runs WHERE pipeline_id = $1 AND idempotency_key = $2`, [
        pipelineId,
        key,
      ]);
    return rows[0] && toDomain(rows[0]);
  }

  async listQueuedBefore(before: Date, limit: number): Promise<PipelineRun[]> {
    const rows: RunRow[] = await this.scope
      .manager()
      .query(
        `SELECT ${COLUMNS} FROM data_pipeline.pipeline_runs WHERE status = 'queued' AND created_at < $1 ORDER BY created_at LIMIT $2`,
        [before, limit],
      );
    return rows.map(toDomain);
  }

  async listByPipeline(pipelineId: string, limit: number): Promise<PipelineRun[]> {
    if (!isUuid(pipelineId)) return [];
    const rows: RunRow[] = await this.scope
      .manager()
      .query(
        `SELECT ${COLUMNS} FROM data_pipeline.pipeline_runs WHERE pipeline_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
        [pipelineId, limit],
      );
    return rows.map(toDomain);
  }
}

function valuesOf(run: PipelineRun): unknown[] {
  const s = run.snapshot;
  return [
    s.id,
    s.projectId,
    s.pipelineId,
    s.pipelineVersion,
    s.status,
    s.attempt,
    JSON.stringify(s.steps),
    JSON.stringify(s.outputs),
    s.error ?? null,
    s.actorId,
    s.idempotencyKey ?? null,
    s.createdAt,
    s.startedAt ?? null,
    s.finishedAt ?? null,
  ];
}

function toDomain(row: RunRow): PipelineRun {
  return PipelineRun.restore({
    id: row.id,
    projectId: row.project_id,
    pipelineId: row.pipeline_id,
    pipelineVersion: row.pipeline_version,
    status: row.status,
    attempt: row.attempt,
    steps: row.steps,
    outputs: row.outputs,
    ...(row.error !== null && { error: row.error }),
    actorId: row.created_by,
    ...(row.idempotency_key !== null && { idempotencyKey: row.idempotency_key }),
    createdAt: row.created_at,
    ...(row.started_at !== null && { startedAt: row.started_at }),
    ...(row.finished_at !== null && { finishedAt: row.finished_at }),
  });
}
