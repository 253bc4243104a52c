import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Datasets and their immutable versions. Projects and runs belong to other contexts: their ids
 * are kept without foreign keys (docs/adr/0003).
 */
export class CreateDatasetTables1765100000000 implements MigrationInterface {
  name = 'CreateDatasetTables1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE data_pipeline.datasets (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        schema jsonb NOT NULL,
        last_version_number integer NOT NULL DEFAULT 0,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT datasets_project_name_key UNIQUE (project_id, name)
      )`);
    await runner.query(`
      CREATE TABLE data_pipeline.dataset_versions (
        id uuid PRIMARY KEY,
        dataset_id uuid NOT NULL REFERENCES data_pipeline.datasets (id) ON DELETE CASCADE,
        project_id uuid NOT NULL,
        number integer NOT NULL,
        format text NOT NULL CHECK (format IN ('csv', 'jsonl', 'parquet')),
        object_key text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 text NOT NULL,
        row_count bigint NOT NULL,
        inferred_schema jsonb NOT NULL,
        profile jsonb NOT NULL,
        producer_kind text NOT NULL CHECK (producer_kind IN ('upload', 'pipeline-run', 'workflow-run')),
        producer_run_id uuid,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT dataset_versions_dataset_number_key UNIQUE (dataset_id, number)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE data_pipeline.dataset_versions');
    await runner.query('DROP TABLE data_pipeline.datasets');
  }
}
