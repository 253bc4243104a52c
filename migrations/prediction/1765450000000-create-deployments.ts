import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deployments (issue 13 item 1): a name of a project in front of its variants, stored as JSON
 * since a deployment's variants are always read and replaced whole.
 */
export class CreateDeployments1765450000000 implements MigrationInterface {
  name = 'CreateDeployments1765450000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE prediction.deployments (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        routing jsonb NOT NULL,
        variants jsonb NOT NULL,
        status text NOT NULL,
        version integer NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT deployments_project_name_key UNIQUE (project_id, name)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE prediction.deployments');
  }
}
