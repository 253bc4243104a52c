import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dataset version may be the output of a batch prediction (issue 13 item 6): its producer kind,
 * with the batch job's id as the producing run.
 */
export class AddBatchPredictionProducer1765490000001 implements MigrationInterface {
  name = 'AddBatchPredictionProducer1765490000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE data_pipeline.dataset_versions
        DROP CONSTRAINT dataset_versions_producer_kind_check,
        ADD CONSTRAINT dataset_versions_producer_kind_check
          CHECK (producer_kind IN ('upload', 'pipeline-run', 'workflow-run', 'table-source', 'batch-prediction'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM data_pipeline.dataset_versions WHERE producer_kind = 'batch-prediction'`);
    await runner.query(`
      ALTER TABLE data_pipeline.dataset_versions
        DROP CONSTRAINT dataset_versions_producer_kind_check,
        ADD CONSTRAINT dataset_versions_producer_kind_check
          CHECK (producer_kind IN ('upload', 'pipeline-run', 'workflow-run', 'table-source'))`);
  }
}
