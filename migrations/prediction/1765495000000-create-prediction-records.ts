import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payload logging, feedback and experiments (issue 13 items 7 and 8): a record of every answer
 * (its payloads only when sampled) that takes one feedback, and the promotions experiments decided.
 */
export class CreatePredictionRecords1765495000000 implements MigrationInterface {
  name = 'CreatePredictionRecords1765495000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE prediction.prediction_records (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        deployment_id uuid NOT NULL,
        variant text NOT NULL,
        model_version_id uuid NOT NULL,
        outcome text NOT NULL,
        predicted jsonb,
        latency_ms double precision NOT NULL,
        trace_id text,
        sampled boolean NOT NULL,
        request jsonb,
        response jsonb,
        created_at timestamptz NOT NULL,
        feedback jsonb,
        feedback_by text,
        feedback_at timestamptz
      )`);
    // Searches page by (created_at, id) inside one deployment; experiments aggregate per variant.
    await runner.query(
      'CREATE INDEX prediction_records_by_deployment ON prediction.prediction_records (deployment_id, created_at DESC, id DESC)',
    );
    await runner.query(
      'CREATE INDEX prediction_records_by_variant ON prediction.prediction_records (deployment_id, variant, created_at DESC)',
    );
    await runner.query('CREATE INDEX prediction_records_by_age ON prediction.prediction_records (created_at)');
    await runner.query(`
      CREATE TABLE prediction.experiment_decisions (
        id uuid PRIMARY KEY,
        deployment_id uuid NOT NULL,
        alias text NOT NULL,
        model_name text NOT NULL,
        winner_variant text NOT NULL,
        from_version_id uuid,
        to_version_id uuid NOT NULL,
        p_value double precision NOT NULL,
        difference double precision NOT NULL,
        outcome text NOT NULL,
        reason text NOT NULL,
        decided_at timestamptz NOT NULL,
        UNIQUE (deployment_id, alias, to_version_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE prediction.experiment_decisions');
    await runner.query('DROP TABLE prediction.prediction_records');
  }
}
