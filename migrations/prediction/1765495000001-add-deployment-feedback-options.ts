import type { MigrationInterface, QueryRunner } from 'typeorm';

const LOGGING = '{"sampleRate": 0, "retentionDays": 30}';
const EXPERIMENT =
  '{"metric": "accuracy", "alpha": 0.05, "minSamples": 100, "promote": {"enabled": false, "alias": ""}}';

/** The serving options gain payload logging and an experiment, off for every deployment written before. */
export class AddDeploymentFeedbackOptions1765495000001 implements MigrationInterface {
  name = 'AddDeploymentFeedbackOptions1765495000001';

  async up(runner: QueryRunner): Promise<void> {
    const added = `jsonb_build_object('logging', '${LOGGING}'::jsonb, 'experiment', '${EXPERIMENT}'::jsonb)`;
    await runner.query(`UPDATE prediction.deployments SET serving = ${added} || serving`);
    await runner.query(
      `ALTER TABLE prediction.deployments ALTER COLUMN serving SET DEFAULT
        '{"cache": {"enabled": false, "ttlSeconds": 300}, "batching": {"enabled": false, "maxSize": 16, "maxWaitMs": 2},
          "logging": ${LOGGING}, "experiment": ${EXPERIMENT}}'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE prediction.deployments SET serving = serving - 'logging' - 'experiment'`);
    await runner.query(
      `ALTER TABLE prediction.deployments ALTER COLUMN serving SET DEFAULT
        '{"cache": {"enabled": false, "ttlSeconds": 300}, "batching": {"enabled": false, "maxSize": 16, "maxWaitMs": 2}}'`,
    );
  }
}
