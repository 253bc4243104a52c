import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who a run acts for: tasks executed by other contexts (registering a model version) act as that
 * user, so their own rules (four eyes) still hold. Versions record their author, whom runs that
 * nobody started by hand (schedules, triggers) act for. Rows from before stay null: unknown.
 */
export class RecordRunActors1764600000000 implements MigrationInterface {
  name = 'RecordRunActors1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE workflow_engine.workflow_versions ADD COLUMN created_by uuid');
    await runner.query('ALTER TABLE workflow_engine.runs ADD COLUMN actor_id uuid');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE workflow_engine.runs DROP COLUMN actor_id');
    await runner.query('ALTER TABLE workflow_engine.workflow_versions DROP COLUMN created_by');
  }
}
