import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Projects' own rate limits (issue 15 item 4), read whole by the gateway and replaced whole. */
export class CreateProjectRateLimits1765540000001 implements MigrationInterface {
  name = 'CreateProjectRateLimits1765540000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE api_gateway.project_rate_limits (
        project_id uuid PRIMARY KEY,
        limits jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE api_gateway.project_rate_limits');
  }
}
