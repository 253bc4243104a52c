import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch predictions (issue 13 item 6): a job over a dataset version, with its progress in chunks.
 * `chunks_done` moves only after the chunk's output object is written, so a worker that dies
 * resumes from the first chunk not counted.
 */
export class CreateBatchPredictions1765490000000 implements MigrationInterface {
  name = 'CreateBatchPredictions1765490000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE prediction.batch_predictions (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        deployment_id uuid NOT NULL,
        variant text NOT NULL,
        model_version_id uuid NOT NULL,
        input_version_id uuid NOT NULL,
        output_dataset_id uuid NOT NULL,
        output_version_id uuid,
        columns jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        chunk_size integer NOT NULL CHECK (chunk_size > 0),
        total_rows bigint NOT NULL,
        chunks_done integer NOT NULL DEFAULT 0,
        rows_done bigint NOT NULL DEFAULT 0,
        error text,
        version integer NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        finished_at timestamptz,
        -- A workflow task's attempt starts one job, however often its queue job is handed out.
        idempotency_key text UNIQUE
      )`);
    await runner.query(
      'CREATE INDEX batch_predictions_project_created ON prediction.batch_predictions (project_id, created_at DESC)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE prediction.batch_predictions');
  }
}
