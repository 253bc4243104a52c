import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deployment's serving options (issue 13 items 4 and 5): its response cache and its
 * micro-batching, both off for the deployments written before.
 */
export class AddDeploymentServingOptions1765470000000 implements MigrationInterface {
  name = 'AddDeploymentServingOptions1765470000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE prediction.deployments ADD COLUMN serving jsonb NOT NULL DEFAULT
        '{"cache": {"enabled": false, "ttlSeconds": 300}, "batching": {"enabled": false, "maxSize": 16, "maxWaitMs": 2}}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE prediction.deployments DROP COLUMN serving');
  }
}
