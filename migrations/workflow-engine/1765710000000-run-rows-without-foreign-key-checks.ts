import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables a run's changes write on every task, whose rows a deleted run takes with it. */
const RUN_ROWS = ['task_runs', 'transitions', 'task_log_lines'] as const;

/**
 * Task runs, transitions and task log lines lose their foreign key to `runs` (docs/adr/0203): its
 * check looked the run row up again for every row inserted, about six times a task, a fifth of the
 * server's CPU per task. Their one writer, the run repository, writes them only through the run
 * row's version bump in the same statement or the run's insert in the same transaction (log lines
 * only for attempts of jobs a committed run enqueued), so their run exists. Deleting a run still
 * deletes its rows, now by a trigger instead of the cascade.
 */
export class RunRowsWithoutForeignKeyChecks1765710000000 implements MigrationInterface {
  name = 'RunRowsWithoutForeignKeyChecks1765710000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of RUN_ROWS) {
      await runner.query(`ALTER TABLE workflow_engine.${table} DROP CONSTRAINT ${table}_run_id_fkey`);
    }
    await runner.query(`
      CREATE FUNCTION workflow_engine.delete_run_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${RUN_ROWS.map((table) => `DELETE FROM workflow_engine.${table} WHERE run_id = OLD.id;`).join('\n        ')}
        RETURN OLD;
      END $$`);
    await runner.query(`
      CREATE TRIGGER runs_delete_rows AFTER DELETE ON workflow_engine.runs
        FOR EACH ROW EXECUTE FUNCTION workflow_engine.delete_run_rows()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER runs_delete_rows ON workflow_engine.runs');
    await runner.query('DROP FUNCTION workflow_engine.delete_run_rows()');
    // NOT VALID: a row left without its run (a log line appended after its run was deleted) does not
    // stop the rollback; the key holds for the rows written from then on.
    for (const table of RUN_ROWS) {
      await runner.query(`
        ALTER TABLE workflow_engine.${table} ADD CONSTRAINT ${table}_run_id_fkey
          FOREIGN KEY (run_id) REFERENCES workflow_engine.runs (id) ON DELETE CASCADE NOT VALID`);
    }
  }
}
