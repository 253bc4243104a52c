import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pipelines (issue 12 item 3): a pipeline per project and name, its immutable numbered versions,
 * and its runs (the record a worker resumes from). A check run of a pipeline's validate step
 * checks an intermediate table, not a stored version: it names the pipeline run instead.
 */
export class CreatePipelines1765400000000 implements MigrationInterface {
  name = 'CreatePipelines1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE data_pipeline.pipelines (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        latest_version integer NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pipelines_project_name_key UNIQUE (project_id, name)
      )`);
    await runner.query(`
      CREATE TABLE data_pipeline.pipeline_versions (
        pipeline_id uuid NOT NULL REFERENCES data_pipeline.pipelines (id) ON DELETE CASCADE,
        number integer NOT NULL,
        definition jsonb NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (pipeline_id, number)
      )`);
    await runner.query(`
      CREATE TABLE data_pipeline.pipeline_runs (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        pipeline_id uuid NOT NULL REFERENCES data_pipeline.pipelines (id) ON DELETE CASCADE,
        pipeline_version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        attempt integer NOT NULL,
        steps jsonb NOT NULL,
        outputs jsonb NOT NULL,
        error text,
        created_by uuid NOT NULL,
        idempotency_key text,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz,
        FOREIGN KEY (pipeline_id, pipeline_version) REFERENCES data_pipeline.pipeline_versions (pipeline_id, number),
        CONSTRAINT pipeline_runs_idempotency_key UNIQUE (pipeline_id, idempotency_key)
      )`);
    // A pipeline's runs are listed newest first.
    await runner.query(
      'CREATE INDEX pipeline_runs_pipeline_idx ON data_pipeline.pipeline_runs (pipeline_id, created_at DESC)',
    );
    await runner.query('ALTER TABLE data_pipeline.check_runs ALTER COLUMN dataset_id DROP NOT NULL');
    await runner.query('ALTER TABLE data_pipeline.check_runs ALTER COLUMN version_id DROP NOT NULL');
    await runner.query('ALTER TABLE data_pipeline.check_runs ADD COLUMN pipeline_run_id uuid');
    await runner.query(
      `ALTER TABLE data_pipeline.check_runs ADD CONSTRAINT check_runs_subject_check
         CHECK ((version_id IS NULL) <> (pipeline_run_id IS NULL))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DELETE FROM data_pipeline.check_runs WHERE version_id IS NULL');
    await runner.query('ALTER TABLE data_pipeline.check_runs DROP CONSTRAINT check_runs_subject_check');
    await runner.query('ALTER TABLE data_pipeline.check_runs DROP COLUMN pipeline_run_id');
    await runner.query('ALTER TABLE data_pipeline.check_runs ALTER COLUMN version_id SET NOT NULL');
    await runner.query('ALTER TABLE data_pipeline.check_runs ALTER COLUMN dataset_id SET NOT NULL');
    await runner.query('DROP TABLE data_pipeline.pipeline_runs');
    await runner.query('DROP TABLE data_pipeline.pipeline_versions');
    await runner.query('DROP TABLE data_pipeline.pipelines');
  }
}
