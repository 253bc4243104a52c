import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task runs of type `approval` waiting for a person: one row per task run for its current attempt,
 * with the deadline after which the reconciler fails it. The row stands for the task run's job.
 */
export class CreateApprovalRequests1764500000000 implements MigrationInterface {
  name = 'CreateApprovalRequests1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE workflow_engine.approval_requests (
        run_id uuid NOT NULL REFERENCES workflow_engine.runs (id) ON DELETE CASCADE,
        task_run_key text NOT NULL,
        attempt integer NOT NULL,
        requested_at timestamptz NOT NULL,
        deadline_at timestamptz,
        PRIMARY KEY (run_id, task_run_key)
      )`);
    await runner.query(
      'CREATE INDEX approval_requests_deadline_idx ON workflow_engine.approval_requests (deadline_at) WHERE deadline_at IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS workflow_engine.approval_requests');
  }
}
