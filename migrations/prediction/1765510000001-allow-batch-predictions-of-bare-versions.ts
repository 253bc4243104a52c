import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A batch prediction may name a model version without a deployment (docs/adr/0507): no deployment, no variant. */
export class AllowBatchPredictionsOfBareVersions1765510000001 implements MigrationInterface {
  name = 'AllowBatchPredictionsOfBareVersions1765510000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE prediction.batch_predictions ALTER COLUMN deployment_id DROP NOT NULL`);
    await runner.query(`ALTER TABLE prediction.batch_predictions ALTER COLUMN variant DROP NOT NULL`);
    await runner.query(
      `ALTER TABLE prediction.batch_predictions ADD CONSTRAINT batch_predictions_deployment_with_variant
         CHECK ((deployment_id IS NULL) = (variant IS NULL))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE prediction.batch_predictions DROP CONSTRAINT batch_predictions_deployment_with_variant`,
    );
    await runner.query(`DELETE FROM prediction.batch_predictions WHERE deployment_id IS NULL`);
    await runner.query(`ALTER TABLE prediction.batch_predictions ALTER COLUMN variant SET NOT NULL`);
    await runner.query(`ALTER TABLE prediction.batch_predictions ALTER COLUMN deployment_id SET NOT NULL`);
  }
}
