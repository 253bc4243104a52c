import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions, their deliveries and every attempt of each (docs/adr/0601). Projects belong
 * to user-management: their ids are kept without foreign keys (docs/adr/0003). Deliveries go with
 * their subscription; the poller finds due ones by the partial index on pending rows.
 */
export class CreateWebhooks1765430000000 implements MigrationInterface {
  name = 'CreateWebhooks1765430000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE monitoring.webhook_subscriptions (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        url text NOT NULL,
        event_types text[] NOT NULL,
        description text NOT NULL,
        active boolean NOT NULL,
        secret text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX webhook_subscriptions_project_idx ON monitoring.webhook_subscriptions (project_id, id)',
    );
    await runner.query(`
      CREATE TABLE monitoring.webhook_deliveries (
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES monitoring.webhook_subscriptions (id) ON DELETE CASCADE,
        project_id uuid NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempt_count integer NOT NULL,
        next_attempt_at timestamptz,
        created_at timestamptz NOT NULL,
        finished_at timestamptz,
        CONSTRAINT webhook_deliveries_subscription_event_key UNIQUE (subscription_id, event_id)
      )`);
    await runner.query(
      "CREATE INDEX webhook_deliveries_due_idx ON monitoring.webhook_deliveries (next_attempt_at) WHERE status = 'pending'",
    );
    await runner.query(`
      CREATE TABLE monitoring.webhook_delivery_attempts (
        delivery_id uuid NOT NULL REFERENCES monitoring.webhook_deliveries (id) ON DELETE CASCADE,
        number integer NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        status_code integer,
        error text,
        PRIMARY KEY (delivery_id, number)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE monitoring.webhook_delivery_attempts');
    await runner.query('DROP TABLE monitoring.webhook_deliveries');
    await runner.query('DROP TABLE monitoring.webhook_subscriptions');
  }
}
