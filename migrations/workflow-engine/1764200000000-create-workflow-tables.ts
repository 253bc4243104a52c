import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workflows with their immutable versions, runs pinned to one version, task runs, the append-only
 * transition log and the task cache. Foreign keys stay inside this schema; `project_id` refers to
 * user-management's projects by value only (no cross-schema keys, ARCHITECTURE section 2).
 */
export class CreateWorkflowTables1764200000000 implements MigrationInterface {
  name = 'CreateWorkflowTables1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE workflow_engine.workflows (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        name text NOT NULL,
        latest_version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    // Makes "name unique per project" race-free; also the index of the project's workflow list.
    await runner.query(
      'CREATE UNIQUE INDEX workflows_project_name_key ON workflow_engine.workflows (project_id, name)',
    );
    await runner.query('CREATE INDEX workflows_project_idx ON workflow_engine.workflows (project_id, id)');

    await runner.query(`
      CREATE TABLE workflow_engine.workflow_versions (
        workflow_id uuid NOT NULL REFERENCES workflow_engine.workflows (id) ON DELETE CASCADE,
        number integer NOT NULL,
        document jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (workflow_id, number)
      )`);

    await runner.query(`
      CREATE TABLE workflow_engine.runs (
        id uuid PRIMARY KEY,
        workflow_id uuid NOT NULL REFERENCES workflow_engine.workflows (id) ON DELETE CASCADE,
        workflow_version integer NOT NULL,
        project_id uuid NOT NULL,
        state text NOT NULL
          CHECK (state IN ('queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled')),
        params jsonb NOT NULL,
        trigger jsonb NOT NULL,
        rerun_of uuid,
        idempotency_key text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        FOREIGN KEY (workflow_id, workflow_version) REFERENCES workflow_engine.workflow_versions (workflow_id, number)
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX runs_idempotency_key ON workflow_engine.runs (workflow_id, idempotency_key) WHERE idempotency_key IS NOT NULL',
    );
    // Newest first per workflow (UUIDv7 ids sort by creation), optionally narrowed by state.
    await runner.query('CREATE INDEX runs_workflow_idx ON workflow_engine.runs (workflow_id, id DESC)');
    // The reconciler and the concurrency policy read only unfinished runs: a small partial index.
    await runner.query(
      "CREATE INDEX runs_unfinished_idx ON workflow_engine.runs (workflow_id) WHERE state IN ('queued', 'running', 'paused')",
    );

    await runner.query(`
      CREATE TABLE workflow_engine.task_runs (
        run_id uuid NOT NULL REFERENCES workflow_engine.runs (id) ON DELETE CASCADE,
        key text NOT NULL,
        task_id text NOT NULL,
        item_index integer,
        item jsonb,
        items integer,
        state text NOT NULL CHECK (state IN
          ('pending', 'queued', 'running', 'retrying', 'succeeded', 'failed', 'skipped', 'upstream_failed', 'cancelled')),
        attempt integer NOT NULL,
        input jsonb,
        outputs jsonb,
        error text,
        retry_at timestamptz,
        reused_from text CHECK (reused_from IN ('cache', 'previous-run')),
        started_at timestamptz,
        finished_at timestamptz,
        PRIMARY KEY (run_id, key)
      )`);
    await runner.query(
      "CREATE INDEX task_runs_in_flight_idx ON workflow_engine.task_runs (run_id) WHERE state IN ('queued', 'running', 'retrying')",
    );

    // Append-only: rows are inserted as transitions happen and never updated. `task_run_key` null is the run's own.
    await runner.query(`
      CREATE TABLE workflow_engine.transitions (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES workflow_engine.runs (id) ON DELETE CASCADE,
        task_run_key text,
        from_state text NOT NULL,
        to_state text NOT NULL,
        attempt integer,
        reason text,
        at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX transitions_run_idx ON workflow_engine.transitions (run_id, seq)');

    await runner.query(`
      CREATE TABLE workflow_engine.task_cache (
        project_id uuid NOT NULL,
        key_hash bytea NOT NULL,
        outputs jsonb NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (project_id, key_hash)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['task_cache', 'transitions', 'task_runs', 'runs', 'workflow_versions', 'workflows']) {
      await runner.query(`DROP TABLE IF EXISTS workflow_engine.${table}`);
    }
  }
}
