import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATES_BEFORE = `'pending', 'queued', 'running', 'retrying', 'succeeded', 'failed', 'skipped', 'upstream_failed', 'cancelled'`;
const STATES_AFTER = `'pending', 'queued', 'waiting_for_approval', 'running', 'retrying', 'succeeded', 'failed', 'skipped',
  'upstream_failed', 'cancelled'`;

/**
 * An `approval` task run waiting for a decision gets its own state instead of `queued` (ADR 0209);
 * the ones waiting now move to it. The in-flight index, which the reconciler reads, covers it.
 */
export class AddWaitingForApprovalState1765440000000 implements MigrationInterface {
  name = 'AddWaitingForApprovalState1765440000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE workflow_engine.task_runs DROP CONSTRAINT task_runs_state_check');
    await runner.query(
      `ALTER TABLE workflow_engine.task_runs ADD CONSTRAINT task_runs_state_check CHECK (state IN (${STATES_AFTER}))`,
    );
    await runner.query(`
      UPDATE workflow_engine.task_runs t SET state = 'waiting_for_approval', retry_at = NULL
        FROM workflow_engine.approval_requests a
       WHERE a.run_id = t.run_id AND a.task_run_key = t.key AND a.attempt = t.attempt
         AND t.state IN ('queued', 'retrying')`);
    await this.indexInFlight(runner, "'queued', 'waiting_for_approval', 'running', 'retrying'");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("UPDATE workflow_engine.task_runs SET state = 'queued' WHERE state = 'waiting_for_approval'");
    await runner.query('ALTER TABLE workflow_engine.task_runs DROP CONSTRAINT task_runs_state_check');
    await runner.query(
      `ALTER TABLE workflow_engine.task_runs ADD CONSTRAINT task_runs_state_check CHECK (state IN (${STATES_BEFORE}))`,
    );
    await this.indexInFlight(runner, "'queued', 'running', 'retrying'");
  }

  private async indexInFlight(runner: QueryRunner, states: string): Promise<void> {
    await runner.query('DROP INDEX workflow_engine.task_runs_in_flight_idx');
    await runner.query(
      `CREATE INDEX task_runs_in_flight_idx ON workflow_engine.task_runs (run_id) WHERE state IN (${states})`,
    );
  }
}
