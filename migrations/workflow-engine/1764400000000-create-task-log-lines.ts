import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Log lines of task attempts, written by the built-in executors and by external workers. Append-only;
 * `seq` orders lines across writers and is the paging cursor.
 */
export class CreateTaskLogLines1764400000000 implements MigrationInterface {
  name = 'CreateTaskLogLines1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE workflow_engine.task_log_lines (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES workflow_engine.runs (id) ON DELETE CASCADE,
        task_run_key text NOT NULL,
        attempt integer NOT NULL,
        at timestamptz NOT NULL,
        line text NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX task_log_lines_task_run_idx ON workflow_engine.task_log_lines (run_id, task_run_key, attempt, seq)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS workflow_engine.task_log_lines');
  }
}
