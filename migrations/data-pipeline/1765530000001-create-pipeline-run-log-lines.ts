import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log of pipeline runs: a line per start, step and end, searchable by monitoring with full
 * text (docs/adr/0605). Append-only; `seq` orders lines written in one millisecond.
 */
export class CreatePipelineRunLogLines1765530000001 implements MigrationInterface {
  name = 'CreatePipelineRunLogLines1765530000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE data_pipeline.pipeline_run_log_lines (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES data_pipeline.pipeline_runs (id) ON DELETE CASCADE,
        project_id uuid NOT NULL,
        attempt integer NOT NULL,
        step text,
        level text NOT NULL,
        at timestamptz NOT NULL,
        message text NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX pipeline_run_log_lines_project_idx ON data_pipeline.pipeline_run_log_lines (project_id, at)',
    );
    await runner.query('CREATE INDEX pipeline_run_log_lines_run_idx ON data_pipeline.pipeline_run_log_lines (run_id)');
    await runner.query('CREATE INDEX pipeline_run_log_lines_at_idx ON data_pipeline.pipeline_run_log_lines (at)');
    await runner.query(
      `CREATE INDEX pipeline_run_log_lines_text_idx ON data_pipeline.pipeline_run_log_lines
         USING gin (to_tsvector('english', message))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS data_pipeline.pipeline_run_log_lines');
  }
}
