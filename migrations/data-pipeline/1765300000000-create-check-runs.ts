import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check runs (issue 12 item 4): a suite run against one dataset version, with its results (each
 * with the id its lineage node carries) as JSON, since a report is always read whole.
 */
export class CreateCheckRuns1765300000000 implements MigrationInterface {
  name = 'CreateCheckRuns1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE data_pipeline.check_runs (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        dataset_id uuid NOT NULL REFERENCES data_pipeline.datasets (id),
        version_id uuid NOT NULL REFERENCES data_pipeline.dataset_versions (id),
        status text NOT NULL,
        suite jsonb NOT NULL,
        results jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    // A version's runs are listed newest first.
    await runner.query('CREATE INDEX check_runs_version_idx ON data_pipeline.check_runs (version_id, created_at DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE data_pipeline.check_runs');
  }
}
