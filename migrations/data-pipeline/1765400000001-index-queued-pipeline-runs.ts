import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The sweep for queued runs whose job was lost reads only queued runs, by age: a partial index keeps it cheap. */
export class IndexQueuedPipelineRuns1765400000001 implements MigrationInterface {
  name = 'IndexQueuedPipelineRuns1765400000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      "CREATE INDEX pipeline_runs_queued_idx ON data_pipeline.pipeline_runs (created_at) WHERE status = 'queued'",
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX data_pipeline.pipeline_runs_queued_idx');
  }
}
