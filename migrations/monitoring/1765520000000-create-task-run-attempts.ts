import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The attempts each finished task run took, from workflow-engine's task events (docs/adr/0604):
 * the task retries signal sums the attempts past the first over a window.
 */
export class CreateTaskRunAttempts1765520000000 implements MigrationInterface {
  name = 'CreateTaskRunAttempts1765520000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE monitoring.task_run_attempts (
        run_id uuid NOT NULL,
        task_run_key text NOT NULL,
        project_id uuid NOT NULL,
        workflow_id uuid NOT NULL,
        task_id text NOT NULL,
        attempts integer NOT NULL,
        finished_at timestamptz NOT NULL,
        PRIMARY KEY (run_id, task_run_key)
      )`);
    await runner.query(
      'CREATE INDEX task_run_attempts_finished_idx ON monitoring.task_run_attempts (project_id, finished_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE monitoring.task_run_attempts');
  }
}
