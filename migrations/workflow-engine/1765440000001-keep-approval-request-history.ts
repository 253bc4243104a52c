import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approval requests are kept once decided, one row per attempt, so a project can list its pending,
 * approved, rejected and expired approvals (ADR 0209). Each gets an id; the deadline index covers
 * only the pending ones, which are all the expiry reads.
 */
export class KeepApprovalRequestHistory1765440000001 implements MigrationInterface {
  name = 'KeepApprovalRequestHistory1765440000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE workflow_engine.approval_requests
        ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'approved', 'rejected', 'expired', 'cancelled')),
        ADD COLUMN decided_by uuid,
        ADD COLUMN decided_at timestamptz,
        ADD COLUMN comment text`);
    await runner.query('ALTER TABLE workflow_engine.approval_requests ALTER COLUMN id DROP DEFAULT');
    await runner.query('ALTER TABLE workflow_engine.approval_requests DROP CONSTRAINT approval_requests_pkey');
    await runner.query('ALTER TABLE workflow_engine.approval_requests ADD PRIMARY KEY (run_id, task_run_key, attempt)');
    await runner.query('CREATE UNIQUE INDEX approval_requests_id_key ON workflow_engine.approval_requests (id)');
    await runner.query('DROP INDEX workflow_engine.approval_requests_deadline_idx');
    await runner.query(
      `CREATE INDEX approval_requests_deadline_idx ON workflow_engine.approval_requests (deadline_at)
        WHERE deadline_at IS NOT NULL AND status = 'pending'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DELETE FROM workflow_engine.approval_requests WHERE status <> 'pending'");
    await runner.query(`
      DELETE FROM workflow_engine.approval_requests older USING workflow_engine.approval_requests newer
       WHERE newer.run_id = older.run_id AND newer.task_run_key = older.task_run_key AND newer.attempt > older.attempt`);
    await runner.query('DROP INDEX workflow_engine.approval_requests_deadline_idx');
    await runner.query('DROP INDEX workflow_engine.approval_requests_id_key');
    await runner.query('ALTER TABLE workflow_engine.approval_requests DROP CONSTRAINT approval_requests_pkey');
    await runner.query('ALTER TABLE workflow_engine.approval_requests ADD PRIMARY KEY (run_id, task_run_key)');
    await runner.query(`
      ALTER TABLE workflow_engine.approval_requests
        DROP COLUMN id, DROP COLUMN status, DROP COLUMN decided_by, DROP COLUMN decided_at, DROP COLUMN comment`);
    await runner.query(
      'CREATE INDEX approval_requests_deadline_idx ON workflow_engine.approval_requests (deadline_at) WHERE deadline_at IS NOT NULL',
    );
  }
}
