import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dataset version may be a snapshot of a table source (issue 12 item 1): its producer kind, and
 * the source's configured name and query it ran (never the connection string).
 */
export class AddTableSourceProducer1765410000000 implements MigrationInterface {
  name = 'AddTableSourceProducer1765410000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE data_pipeline.dataset_versions DROP CONSTRAINT dataset_versions_producer_kind_check',
    );
    await runner.query(`
      ALTER TABLE data_pipeline.dataset_versions
        ADD CONSTRAINT dataset_versions_producer_kind_check
          CHECK (producer_kind IN ('upload', 'pipeline-run', 'workflow-run', 'table-source')),
        ADD COLUMN producer_table_source jsonb,
        ADD CONSTRAINT dataset_versions_table_source_named
          CHECK ((producer_kind = 'table-source') = (producer_table_source IS NOT NULL))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM data_pipeline.dataset_versions WHERE producer_kind = 'table-source'`);
    await runner.query(`
      ALTER TABLE data_pipeline.dataset_versions
        DROP CONSTRAINT dataset_versions_table_source_named,
        DROP COLUMN producer_table_source,
        DROP CONSTRAINT dataset_versions_producer_kind_check,
        ADD CONSTRAINT dataset_versions_producer_kind_check
          CHECK (producer_kind IN ('upload', 'pipeline-run', 'workflow-run'))`);
  }
}
