import type { MigrationInterface, QueryRunner } from 'typeorm';

const ADDED = '{"test": "fixed-horizon", "mixtureSd": 0.1}';

/** Experiments gain a choice of test (docs/adr/0507): every deployment written before keeps its fixed-horizon test. */
export class AddSequentialExperimentOptions1765510000000 implements MigrationInterface {
  name = 'AddSequentialExperimentOptions1765510000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `UPDATE prediction.deployments
          SET serving = jsonb_set(serving, '{experiment}', '${ADDED}'::jsonb || (serving->'experiment'))`,
    );
    await runner.query(
      `ALTER TABLE prediction.deployments ALTER COLUMN serving SET DEFAULT
        '{"cache": {"enabled": false, "ttlSeconds": 300}, "batching": {"enabled": false, "maxSize": 16, "maxWaitMs": 2},
          "logging": {"sampleRate": 0, "retentionDays": 30},
          "experiment": {"metric": "accuracy", "test": "fixed-horizon", "alpha": 0.05, "minSamples": 100,
                         "mixtureSd": 0.1, "promote": {"enabled": false, "alias": ""}}}'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `UPDATE prediction.deployments
          SET serving = jsonb_set(serving, '{experiment}', (serving->'experiment') - 'test' - 'mixtureSd')`,
    );
    await runner.query(
      `ALTER TABLE prediction.deployments ALTER COLUMN serving SET DEFAULT
        '{"cache": {"enabled": false, "ttlSeconds": 300}, "batching": {"enabled": false, "maxSize": 16, "maxWaitMs": 2},
          "logging": {"sampleRate": 0, "retentionDays": 30},
          "experiment": {"metric": "accuracy", "alpha": 0.05, "minSamples": 100, "promote": {"enabled": false, "alias": ""}}}'`,
    );
  }
}
