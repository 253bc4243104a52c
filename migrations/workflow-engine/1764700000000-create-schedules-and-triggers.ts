import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the latest version of each workflow reacts to, kept when a version is saved: its schedule
 * with the scheduler's cursor (polled with FOR UPDATE SKIP LOCKED by every worker), and the event
 * types of its triggers, by type, so an event finds its workflows with one index lookup.
 */
export class CreateSchedulesAndTriggers1764700000000 implements MigrationInterface {
  name = 'CreateSchedulesAndTriggers1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE workflow_engine.schedules (
        workflow_id uuid PRIMARY KEY REFERENCES workflow_engine.workflows (id) ON DELETE CASCADE,
        project_id uuid NOT NULL,
        cron text NOT NULL,
        timezone text NOT NULL,
        catch_up text NOT NULL CHECK (catch_up IN ('none', 'latest', 'all')),
        last_fired_at timestamptz NOT NULL,
        next_fire_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX schedules_due_idx ON workflow_engine.schedules (next_fire_at)');
    await runner.query(`
      CREATE TABLE workflow_engine.workflow_triggers (
        event_type text NOT NULL,
        workflow_id uuid NOT NULL REFERENCES workflow_engine.workflows (id) ON DELETE CASCADE,
        project_id uuid NOT NULL,
        since timestamptz NOT NULL,
        PRIMARY KEY (event_type, workflow_id)
      )`);
    await runner.query(
      'CREATE INDEX workflow_triggers_workflow_idx ON workflow_engine.workflow_triggers (workflow_id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS workflow_engine.workflow_triggers');
    await runner.query('DROP TABLE IF EXISTS workflow_engine.schedules');
  }
}
