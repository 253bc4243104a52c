import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from './messaging-tables.js';

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
