import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OpenLineage RunEvents waiting to be POSTed to the configured endpoint (issue 12 item 8). A row is
 * written in the transaction that changes the graph, so a crash loses no event (docs/adr/0403).
 * One row per run and event type: a redelivered run event enqueues nothing new. `seq` orders a
 * run's events, so its START reaches the endpoint before its COMPLETE.
 */
export class CreateOpenLineageDeliveries1765410000001 implements MigrationInterface {
  name = 'CreateOpenLineageDeliveries1765410000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE data_pipeline.openlineage_deliveries (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        run_id text NOT NULL,
        event_type text NOT NULL,
        event jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL,
        settled_at timestamptz,
        UNIQUE (run_id, event_type)
      )`);
    await runner.query(`
      CREATE INDEX openlineage_deliveries_due_idx ON data_pipeline.openlineage_deliveries (next_attempt_at)
        WHERE status = 'pending'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE data_pipeline.openlineage_deliveries');
  }
}
