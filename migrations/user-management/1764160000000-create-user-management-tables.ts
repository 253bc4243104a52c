import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, projects and memberships, refresh token families, API keys, the audit log and the
 * token signing keys. Sessions live in Redis. Foreign keys stay inside this schema.
 */
export class CreateUserManagementTables1764160000000 implements MigrationInterface {
  name = 'CreateUserManagementTables1764160000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE user_management.users (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('person', 'service')),
        email text,
        display_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'disabled')),
        password_hash text,
        is_admin boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        password_changed_at timestamptz,
        version integer NOT NULL
      )`);
    // Emails are stored lower-cased by the Email value object; the index makes uniqueness race-free.
    await runner.query('CREATE UNIQUE INDEX users_email_key ON user_management.users (email) WHERE email IS NOT NULL');
    await runner.query('CREATE INDEX users_admins_idx ON user_management.users (id) WHERE is_admin');

    await runner.query(`
      CREATE TABLE user_management.projects (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        created_by uuid NOT NULL REFERENCES user_management.users (id),
        created_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE user_management.memberships (
        project_id uuid NOT NULL REFERENCES user_management.projects (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES user_management.users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        PRIMARY KEY (user_id, project_id)
      )`);
    await runner.query('CREATE INDEX memberships_project_idx ON user_management.memberships (project_id)');

    await runner.query(`
      CREATE TABLE user_management.refresh_token_families (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES user_management.users (id) ON DELETE CASCADE,
        current_token_hash text NOT NULL,
        generation integer NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        version integer NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX refresh_token_families_live_idx ON user_management.refresh_token_families (user_id) WHERE revoked_at IS NULL',
    );
    // Every token ever issued, so a replayed old one leads to its family.
    await runner.query(`
      CREATE TABLE user_management.refresh_tokens (
        token_hash text PRIMARY KEY,
        family_id uuid NOT NULL REFERENCES user_management.refresh_token_families (id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE INDEX refresh_tokens_family_idx ON user_management.refresh_tokens (family_id)');

    await runner.query(`
      CREATE TABLE user_management.api_keys (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES user_management.users (id) ON DELETE CASCADE,
        project_id uuid NOT NULL REFERENCES user_management.projects (id) ON DELETE CASCADE,
        name text NOT NULL,
        permissions text[] NOT NULL,
        secret_hash text NOT NULL UNIQUE,
        prefix text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        version integer NOT NULL
      )`);
    await runner.query('CREATE INDEX api_keys_owner_idx ON user_management.api_keys (owner_id)');

    await runner.query(`
      CREATE TABLE user_management.audit_log (
        id uuid PRIMARY KEY,
        action text NOT NULL,
        actor_id uuid,
        subject_id uuid,
        project_id uuid,
        ip text,
        details jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX audit_log_subject_idx ON user_management.audit_log (subject_id, id)');

    await runner.query(`
      CREATE TABLE user_management.signing_keys (
        kid text PRIMARY KEY,
        algorithm text NOT NULL,
        public_jwk jsonb NOT NULL,
        private_key_encrypted text NOT NULL,
        created_at timestamptz NOT NULL,
        retired_at timestamptz
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'signing_keys',
      'audit_log',
      'api_keys',
      'refresh_tokens',
      'refresh_token_families',
      'memberships',
      'projects',
      'users',
    ])
      await runner.query(`DROP TABLE user_management.${table}`);
  }
}
