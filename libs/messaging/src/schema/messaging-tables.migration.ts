import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createMessagingTables,
  createOutboxNotifyTrigger,
  dropMessagingTables,
  dropOutboxNotifyTrigger,
  keepPublishedOutboxRows,
} from './messaging-tables.js';

/**
 * The first migration of every context schema: its outbox and inbox. `name` must end with the
 * migration's timestamp, as TypeORM orders migrations by it.
 */
export function messagingTablesMigration(name: string, schema: string): new () => MigrationInterface {
  return class implements MigrationInterface {
    readonly name = name;

    async up(runner: QueryRunner): Promise<void> {
      await createMessagingTables(runner, schema);
    }

    async down(runner: QueryRunner): Promise<void> {
      await dropMessagingTables(runner, schema);
    }
  };
}

/** Brings an outbox made before ADR 0008 to keep its sent rows until every group acknowledged them. */
export function keepPublishedOutboxRowsMigration(name: string, schema: string): new () => MigrationInterface {
  return class implements MigrationInterface {
    readonly name = name;

    async up(runner: QueryRunner): Promise<void> {
      await keepPublishedOutboxRows(runner, schema);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DELETE FROM "${schema}".outbox WHERE stream_entry_id IS NOT NULL`);
      await runner.query(`DROP INDEX IF EXISTS "${schema}".outbox_unpublished_idx`);
      await runner.query(`ALTER TABLE "${schema}".outbox DROP COLUMN IF EXISTS stream_entry_id`);
    }
  };
}

/** Drops the outbox's NOTIFY trigger: relays are woken after the commit instead (ADR 0002). */
export function notifyAfterCommitMigration(name: string, schema: string): new () => MigrationInterface {
  return class implements MigrationInterface {
    readonly name = name;

    async up(runner: QueryRunner): Promise<void> {
      await dropOutboxNotifyTrigger(runner, schema);
    }

    async down(runner: QueryRunner): Promise<void> {
      await createOutboxNotifyTrigger(runner, schema);
    }
  };
}
