import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Inhibition rules of a project's alert notifications (docs/adr/0603). */
export class CreateInhibitionRules1765460000002 implements MigrationInterface {
  name = 'CreateInhibitionRules1765460000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE monitoring.inhibition_rules (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        source_matchers jsonb NOT NULL,
        target_matchers jsonb NOT NULL,
        equal_labels text[] NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX inhibition_rules_project_idx ON monitoring.inhibition_rules (project_id, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE monitoring.inhibition_rules');
  }
}
