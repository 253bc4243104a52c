import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing and notification of alerts (docs/adr/0603): routes with their receivers and grouping
 * timings, silences, the state of each notification group, and every notification with its attempts.
 * A webhook receiver's notification is a webhook delivery (docs/adr/0601): its attempts are there.
 */
export class CreateAlertNotifications1765460000001 implements MigrationInterface {
  name = 'CreateAlertNotifications1765460000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE monitoring.alert_routes (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        name text NOT NULL,
        matchers jsonb NOT NULL,
        receivers jsonb NOT NULL,
        group_by text[] NOT NULL,
        group_wait_ms integer NOT NULL,
        group_interval_ms integer NOT NULL,
        repeat_interval_ms integer NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX alert_routes_project_idx ON monitoring.alert_routes (project_id, id)');
    await runner.query(`
      CREATE TABLE monitoring.silences (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        matchers jsonb NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        comment text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX silences_project_idx ON monitoring.silences (project_id, ends_at)');
    await runner.query(`
      CREATE TABLE monitoring.alert_groups (
        route_id uuid NOT NULL REFERENCES monitoring.alert_routes (id) ON DELETE CASCADE,
        group_key text NOT NULL,
        first_seen_at timestamptz NOT NULL,
        last_notified_at timestamptz,
        notified_firing text[] NOT NULL,
        PRIMARY KEY (route_id, group_key)
      )`);
    await runner.query(`
      CREATE TABLE monitoring.alert_notifications (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        route_id uuid NOT NULL,
        group_key text NOT NULL,
        receiver jsonb NOT NULL,
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead', 'handed-over')),
        webhook_delivery_id uuid,
        attempt_count integer NOT NULL,
        next_attempt_at timestamptz,
        created_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await runner.query(
      'CREATE INDEX alert_notifications_project_idx ON monitoring.alert_notifications (project_id, id)',
    );
    await runner.query(
      "CREATE INDEX alert_notifications_due_idx ON monitoring.alert_notifications (next_attempt_at) WHERE status = 'pending'",
    );
    await runner.query(`
      CREATE TABLE monitoring.alert_notification_attempts (
        notification_id uuid NOT NULL REFERENCES monitoring.alert_notifications (id) ON DELETE CASCADE,
        number integer NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        status_code integer,
        error text,
        PRIMARY KEY (notification_id, number)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE monitoring.alert_notification_attempts');
    await runner.query('DROP TABLE monitoring.alert_notifications');
    await runner.query('DROP TABLE monitoring.alert_groups');
    await runner.query('DROP TABLE monitoring.silences');
    await runner.query('DROP TABLE monitoring.alert_routes');
  }
}
