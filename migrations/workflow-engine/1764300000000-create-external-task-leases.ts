import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task runs of type `external` wait here for a worker instead of in BullMQ: one row per task run,
 * offered for its current attempt, leased to one worker at a time. A lease that runs out makes the
 * row claimable again; `available_at = 'infinity'` marks a row whose attempt was settled.
 */
export class CreateExternalTaskLeases1764300000000 implements MigrationInterface {
  name = 'CreateExternalTaskLeases1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE workflow_engine.external_task_leases (
        id uuid PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES workflow_engine.runs (id) ON DELETE CASCADE,
        task_run_key text NOT NULL,
        project_id uuid NOT NULL,
        queue text NOT NULL,
        attempt integer NOT NULL,
        available_at timestamptz NOT NULL,
        lease_token uuid,
        worker_id text,
        lease_seconds integer,
        leased_until timestamptz,
        UNIQUE (run_id, task_run_key)
      )`);
    // The claim query: the oldest available row of one queue of one project.
    await runner.query(
      'CREATE INDEX external_task_leases_claim_idx ON workflow_engine.external_task_leases (project_id, queue, available_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS workflow_engine.external_task_leases');
  }
}
