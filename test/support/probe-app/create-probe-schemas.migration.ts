import { createMessagingTables, dropMessagingTables, messagingTablesMigration } from '@libs/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export const CreateProbeProducer1764150000001 = messagingTablesMigration(
  'CreateProbeProducer1764150000001',
  'probe_producer',
);

export class CreateProbeConsumer1764150000002 implements MigrationInterface {
  name = 'CreateProbeConsumer1764150000002';
  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner, 'probe_consumer');
    await runner.query(
      'CREATE TABLE probe_consumer.effects (key text PRIMARY KEY, event_id uuid NOT NULL, pid int NOT NULL)',
    );
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE probe_consumer.effects');
    await dropMessagingTables(runner, 'probe_consumer');
  }
}
