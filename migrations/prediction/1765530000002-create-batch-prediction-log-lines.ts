import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log of batch predictions: a line per start, chunk and end, searchable by monitoring with
 * full text (docs/adr/0605). Append-only; `seq` orders lines written in one millisecond.
 */
export class CreateBatchPredictionLogLines1765530000002 implements MigrationInterface {
  name = 'CreateBatchPredictionLogLines1765530000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE prediction.batch_prediction_log_lines (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        batch_prediction_id uuid NOT NULL REFERENCES prediction.batch_predictions (id) ON DELETE CASCADE,
        project_id uuid NOT NULL,
        level text NOT NULL,
        at timestamptz NOT NULL,
        message text NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX batch_prediction_log_lines_project_idx ON prediction.batch_prediction_log_lines (project_id, at)',
    );
    await runner.query(
      'CREATE INDEX batch_prediction_log_lines_job_idx ON prediction.batch_prediction_log_lines (batch_prediction_id)',
    );
    await runner.query('CREATE INDEX batch_prediction_log_lines_at_idx ON prediction.batch_prediction_log_lines (at)');
    await runner.query(
      `CREATE INDEX batch_prediction_log_lines_text_idx ON prediction.batch_prediction_log_lines
         USING gin (to_tsvector('english', message))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS prediction.batch_prediction_log_lines');
  }
}
