import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Child runs record their parent task in `trigger` (kind `parent-task`); the reconciler asks which
 * parent attempts have one. A partial expression index keeps that a lookup among child runs only.
 */
export class IndexChildRuns1764800000000 implements MigrationInterface {
  name = 'IndexChildRuns1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX runs_parent_run_idx ON workflow_engine.runs ((trigger->>'parentRunId'))
        WHERE trigger->>'kind' = 'parent-task'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS workflow_engine.runs_parent_run_idx');
  }
}
