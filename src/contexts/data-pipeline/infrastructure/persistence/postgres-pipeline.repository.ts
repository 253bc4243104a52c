import { Injectable } from '@nestjs/common';
import { ConflictError, isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { PipelineNameTaken } from '../../domain/errors.js';
import { Pipeline, type PipelineVersion } from '../../domain/pipeline/pipeline.js';
import type { PipelineDefinition } from '../../domain/pipeline/pipeline-definition.js';
import { PipelineRepository } from '../../domain/pipeline/pipeline.repository.js';

interface PipelineRow {
  readonly id: string;
  readonly project_id: string;
  readonly name: string;
  readonly description: string;
  readonly latest_version: number;
  readonly created_by: string;
  readonly created_at: Date;
  readonly updated_at: Date;
}

interface VersionRow {
  readonly pipeline_id: string;
  readonly number: number;
  readonly definition: PipelineDefinition;
  readonly created_by: string;
  readonly created_at: Date;
}

const COLUMNS = 'id, project_id, name, description, latest_version, created_by, created_at, updated_at';

/** Pipelines in `data_pipeline.pipelines`, their versions' definitions as JSON in `pipeline_versions`. */
@Injectable()
export class PostgresPipelineRepository extends PipelineRepository {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async add(pipeline: Pipeline, version: PipelineVersion): Promise<void> {
    const state = pipeline.snapshot;
    // The name is the only other unique constraint: ON CONFLICT DO NOTHING keeps the transaction usable.
    const inserted: unknown[] = await this.scope.manager().query(
      `INSERT INTO data_pipeline.pipelines (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (project_id, name) DO NOTHING RETURNING id`,
      [
        state.id,
        state.projectId,
        state.name,
        state.description,
        state.latestVersion,
        state.createdBy,
        state.createdAt,
        state.updatedAt,
      ],
    );
    if (inserted.length !== 1) throw new PipelineNameTaken(state.name);
    await this.insertVersion(version);
  }

  async addVersion(pipeline: Pipeline, version: PipelineVersion): Promise<void> {
    const state = pipeline.snapshot;
    // Compare-and-set on the number the revision started from: a concurrent revision wins, this one is refused.
    const [, updated] = await this.scope
      .manager()
      .query<[unknown, number]>(
        'UPDATE data_pipeline.pipelines SET latest_version = $2, updated_at = $3 WHERE id = $1 AND latest_version = $4',
        [state.id, version.number, state.updatedAt, version.number - 1],
      );
    if (updated !== 1)
      throw new ConflictError('The pipeline was revised meanwhile; read it again', 'pipeline-revised-concurrently');
    await this.insertVersion(version);
  }

  async find(id: string): Promise<Pipeline | undefined> {
    if (!isUuid(id)) return undefined;
    const rows: PipelineRow[] = await this.scope
      .manager()
      .query(`SELECT ${COLUMNS} FROM data_pipeline.pipelines WHERE id = $1`, [id]);
    return rows[0] && toDomain(rows[0]);
  }

  async findVersion(pipelineId: string, number: number): Promise<PipelineVersion | undefined> {
    if (!isUuid(pipelineId) || !Number.isSafeInteger(number)) return undefined;
    const rows: VersionRow[] = await this.scope
      .manager()
      .query(
        'SELECT pipeline_id, number, definition, created_by, created_at FROM data_pipeline.pipeline_versions WHERE pipeline_id = $1 AND number = $2',
        [pipelineId, number],
      );
    const row = rows[0];
    return (
      row && {
        pipelineId: row.pipeline_id,
        number: row.number,
        definition: row.definition,
        createdBy: row.created_by,
        createdAt: row.created_at,
      }
    );
  }

  async listByProject(projectId: string): Promise<Pipeline[]> {
    if (!isUuid(projectId)) return [];
    const rows: PipelineRow[] = await this.scope
      .manager()
      .query(`SELECT ${COLUMNS} FROM data_pipeline.pipelines WHERE project_id = $1 ORDER BY name`, [projectId]);
    return rows.map(toDomain);
  }

  private async insertVersion(version: PipelineVersion): Promise<void> {
    await this.scope
      .manager()
      .query(
        'INSERT INTO data_pipeline.pipeline_versions (pipeline_id, number, definition, created_by, created_at) VALUES ($1, $2, $3, $4, $5)',
        [version.pipelineId, version.number, JSON.stringify(version.definition), version.createdBy, version.createdAt],
      );
  }
}

function toDomain(row: PipelineRow): Pipeline {
  return Pipeline.restore({
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    description: row.description,
    latestVersion: row.latest_version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
