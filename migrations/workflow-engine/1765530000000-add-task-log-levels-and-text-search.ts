import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task log lines become searchable by monitoring (docs/adr/0605): a level (lines written before
 * are `info`), a full-text index on the line, and an index on time for retention and
 * newest-first search.
 */
export class AddTaskLogLevelsAndTextSearch1765530000000 implements MigrationInterface {
  name = 'AddTaskLogLevelsAndTextSearch1765530000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE workflow_engine.task_log_lines ADD COLUMN level text NOT NULL DEFAULT 'info'`);
    await runner.query(
      `CREATE INDEX task_log_lines_text_idx ON workflow_engine.task_log_lines USING gin (to_tsvector('english', line))`,
    );
    await runner.query('CREATE INDEX task_log_lines_at_idx ON workflow_engine.task_log_lines (at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS workflow_engine.task_log_lines_at_idx');
    await runner.query('DROP INDEX IF EXISTS workflow_engine.task_log_lines_text_idx');
    await runner.query('ALTER TABLE workflow_engine.task_log_lines DROP COLUMN IF EXISTS level');
  }
}
