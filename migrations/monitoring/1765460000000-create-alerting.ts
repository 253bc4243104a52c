import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alert rules, their alerts and the history of every transition (docs/adr/0603), and the compact
 * signal tables the monitoring context fills from other contexts' events (docs/adr/0003: no joins
 * across schemas). Projects belong to user-management: their ids are kept without foreign keys.
 */
export class CreateAlerting1765460000000 implements MigrationInterface {
  name = 'CreateAlerting1765460000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE monitoring.alert_rules (
        id uuid PRIMARY KEY,
        project_id uuid,
        name text NOT NULL,
        expr jsonb NOT NULL,
        for_duration text NOT NULL,
        keep_firing_for text NOT NULL,
        severity text NOT NULL,
        labels jsonb NOT NULL,
        annotations jsonb NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        -- The next evaluation, and while one runs the end of its lease: one column, one claim.
        next_evaluation_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX alert_rules_project_idx ON monitoring.alert_rules (project_id, id)');
    await runner.query('CREATE INDEX alert_rules_due_idx ON monitoring.alert_rules (next_evaluation_at)');
    await runner.query(`
      CREATE TABLE monitoring.alerts (
        id uuid PRIMARY KEY,
        rule_id uuid NOT NULL REFERENCES monitoring.alert_rules (id) ON DELETE CASCADE,
        project_id uuid,
        fingerprint text NOT NULL,
        labels jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('inactive', 'pending', 'firing', 'resolved')),
        active_since timestamptz,
        last_met_at timestamptz,
        value double precision,
        annotations jsonb NOT NULL,
        lineage jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT alerts_rule_fingerprint_key UNIQUE (rule_id, fingerprint)
      )`);
    await runner.query('CREATE INDEX alerts_project_state_idx ON monitoring.alerts (project_id, state)');
    // History outlives its rule: a deleted rule's transitions stay readable by alert and project.
    await runner.query(`
      CREATE TABLE monitoring.alert_transitions (
        id uuid PRIMARY KEY,
        alert_id uuid NOT NULL,
        rule_id uuid NOT NULL,
        project_id uuid,
        labels jsonb NOT NULL,
        from_state text NOT NULL,
        to_state text NOT NULL,
        at timestamptz NOT NULL,
        value double precision,
        annotations jsonb NOT NULL,
        lineage jsonb NOT NULL
      )`);
    await runner.query('CREATE INDEX alert_transitions_project_idx ON monitoring.alert_transitions (project_id, id)');
    await runner.query('CREATE INDEX alert_transitions_alert_idx ON monitoring.alert_transitions (alert_id, id)');
    await runner.query(`
      CREATE TABLE monitoring.workflow_run_outcomes (
        run_id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        workflow_id uuid NOT NULL,
        outcome text CHECK (outcome IN ('succeeded', 'failed', 'cancelled')),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await runner.query(
      'CREATE INDEX workflow_run_outcomes_finished_idx ON monitoring.workflow_run_outcomes (project_id, finished_at)',
    );
    await runner.query(`
      CREATE TABLE monitoring.data_check_failures (
        check_run_id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        dataset_id uuid NOT NULL,
        version_id uuid NOT NULL,
        check_result_ids uuid[] NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX data_check_failures_occurred_idx ON monitoring.data_check_failures (project_id, occurred_at)',
    );
    await runner.query(`
      CREATE TABLE monitoring.model_freshness (
        model_id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        registered_at timestamptz NOT NULL,
        last_approved_at timestamptz
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE monitoring.model_freshness');
    await runner.query('DROP TABLE monitoring.data_check_failures');
    await runner.query('DROP TABLE monitoring.workflow_run_outcomes');
    await runner.query('DROP TABLE monitoring.alert_transitions');
    await runner.query('DROP TABLE monitoring.alerts');
    await runner.query('DROP TABLE monitoring.alert_rules');
  }
}
