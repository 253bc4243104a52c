import { randomUUID } from 'node:crypto';

/** What runs SQL with parameters: a TypeORM DataSource or a pg client. */
export interface Sql {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

/** A running pipeline run `id` of `project` (and its pipeline), which pipeline-run log lines may name. */
export async function aPipelineRun(db: Sql, id: string, project: string): Promise<void> {
  const pipelineId = randomUUID();
  const actor = randomUUID();
  await db.query(
    `INSERT INTO data_pipeline.pipelines (id, project_id, name, description, latest_version, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, '', 1, $4, now(), now())`,
    [pipelineId, project, `clean-${pipelineId}`, actor],
  );
  await db.query(
    `INSERT INTO data_pipeline.pipeline_versions (pipeline_id, number, definition, created_by, created_at)
     VALUES ($1, 1, '{}', $2, now())`,
    [pipelineId, actor],
  );
  await db.query(
    `INSERT INTO data_pipeline.pipeline_runs (id, project_id, pipeline_id, pipeline_version, status, attempt, steps,
       outputs, created_by, created_at)
     VALUES ($1, $2, $3, 1, 'running', 1, '[]', '[]', $4, now())`,
    [id, project, pipelineId, actor],
  );
}

/** A failed batch prediction `id` of `project`, which batch-prediction log lines may name. */
export async function aBatchPrediction(db: Sql, id: string, project: string): Promise<void> {
  await db.query(
    `INSERT INTO prediction.batch_predictions (id, project_id, deployment_id, variant, model_version_id,
       input_version_id, output_dataset_id, columns, status, chunk_size, total_rows, version, created_by,
       created_at, updated_at)
     VALUES ($1, $2, $3, 'a', $3, $3, $3, '{}', 'failed', 10, 10, 1, 'someone', now(), now())`,
    [id, project, randomUUID()],
  );
}
