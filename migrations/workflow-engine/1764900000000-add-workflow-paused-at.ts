import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A paused workflow's schedule does not fire and events do not trigger it; null while it is active. */
export class AddWorkflowPausedAt1764900000000 implements MigrationInterface {
  name = 'AddWorkflowPausedAt1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE workflow_engine.workflows ADD COLUMN paused_at timestamptz');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE workflow_engine.workflows DROP COLUMN paused_at');
  }
}
