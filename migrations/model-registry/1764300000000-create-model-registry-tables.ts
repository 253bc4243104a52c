import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registered models, versions with their review decisions, aliases, model cards and the registry's
 * per-project settings. Projects, runs and dataset versions belong to other contexts: their ids
 * are kept without foreign keys (docs/adr/0003).
 */
export class CreateModelRegistryTables1764300000000 implements MigrationInterface {
  name = 'CreateModelRegistryTables1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE model_registry.models (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        tags jsonb NOT NULL,
        protected_aliases text[] NOT NULL,
        promotion_policies jsonb NOT NULL,
        last_version_number integer NOT NULL DEFAULT 0,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT models_project_name_key UNIQUE (project_id, name)
      )`);
    // Name-prefix search runs LIKE 'prefix%' within a project, whatever the database collation.
    await runner.query(
      'CREATE INDEX models_project_name_prefix_idx ON model_registry.models (project_id, name text_pattern_ops)',
    );
    await runner.query('CREATE INDEX models_tags_idx ON model_registry.models USING gin (tags jsonb_path_ops)');

    await runner.query(`
      CREATE TABLE model_registry.model_versions (
        id uuid PRIMARY KEY,
        model_id uuid NOT NULL REFERENCES model_registry.models (id) ON DELETE CASCADE,
        project_id uuid NOT NULL,
        number integer NOT NULL,
        framework text NOT NULL CHECK (framework IN ('onnx', 'sklearn', 'xgboost', 'pytorch', 'tensorflow', 'custom')),
        signature jsonb NOT NULL,
        params jsonb NOT NULL,
        metrics jsonb NOT NULL,
        tags jsonb NOT NULL,
        description text NOT NULL,
        source_run_id uuid,
        source_task_id text,
        source_workflow_id uuid,
        training_datasets jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('PendingArtifact', 'PendingManualApproval', 'Approved', 'Rejected', 'Archived')),
        artifact jsonb,
        serving jsonb,
        registered_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT model_versions_model_number_key UNIQUE (model_id, number)
      )`);
    await runner.query(
      'CREATE INDEX model_versions_model_status_idx ON model_registry.model_versions (model_id, status)',
    );
    await runner.query(
      'CREATE INDEX model_versions_source_idx ON model_registry.model_versions (source_run_id) WHERE source_run_id IS NOT NULL',
    );

    await runner.query(`
      CREATE TABLE model_registry.approval_decisions (
        id uuid PRIMARY KEY,
        version_id uuid NOT NULL REFERENCES model_registry.model_versions (id) ON DELETE CASCADE,
        decision text NOT NULL CHECK (decision IN ('Approved', 'Rejected')),
        comment text NOT NULL,
        decided_by uuid NOT NULL,
        decided_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX approval_decisions_version_idx ON model_registry.approval_decisions (version_id)');

    // The key (model_id, alias) is the uniqueness that turns a racing creation into a 409.
    await runner.query(`
      CREATE TABLE model_registry.aliases (
        model_id uuid NOT NULL REFERENCES model_registry.models (id) ON DELETE CASCADE,
        alias text NOT NULL,
        version_id uuid NOT NULL REFERENCES model_registry.model_versions (id),
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT aliases_model_alias_key PRIMARY KEY (model_id, alias)
      )`);
    await runner.query('CREATE INDEX aliases_version_idx ON model_registry.aliases (version_id)');

    await runner.query(`
      CREATE TABLE model_registry.model_cards (
        version_id uuid PRIMARY KEY REFERENCES model_registry.model_versions (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('draft', 'final')),
        content jsonb NOT NULL,
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL,
        finalized_at timestamptz,
        version integer NOT NULL
      )`);

    await runner.query(`
      CREATE TABLE model_registry.project_settings (
        project_id uuid PRIMARY KEY,
        self_approval_allowed boolean NOT NULL,
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'project_settings',
      'model_cards',
      'aliases',
      'approval_decisions',
      'model_versions',
      'models',
    ]) {
      await runner.query(`DROP TABLE model_registry.${table}`);
    }
  }
}
