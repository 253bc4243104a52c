import { Logger } from '@nestjs/common';
import type { EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { OUTBOX_CHANNEL } from '../schema/messaging-tables.js';
import { OUTBOX_SCHEMAS_WRITTEN } from './outbox.js';
import type { RelayWakeups } from './relay-wakeups.js';

/**
 * Rings the relay of every schema whose outbox a transaction wrote, right after the commit made the
 * rows visible: in-process publishing is relayed without waiting for a poll. Only when this process
 * hosts no relay of the schema (an API instance) does it NOTIFY the relays of other processes, after
 * the commit: a NOTIFY inside the transaction would make PostgreSQL serialise every publishing
 * commit, WAL flush included, on its one notification lock (ADR 0002).
 */
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  private readonly logger = new Logger(OutboxCommitSubscriber.name);

  constructor(private readonly wakeups: RelayWakeups) {}

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const written = event.queryRunner.data[OUTBOX_SCHEMAS_WRITTEN] as Set<string> | undefined;
    // Still active: a savepoint was released, and the rows become visible only at the outer commit.
    if (!written || written.size === 0 || event.queryRunner.isTransactionActive) return;
    const backendPid = backendPidOf(event.queryRunner);
    const elsewhere = [...written].filter((schema) => !this.wakeups.wake(schema, backendPid));
    written.clear();
    for (const schema of elsewhere) await this.notify(event.queryRunner, schema);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    (event.queryRunner.data[OUTBOX_SCHEMAS_WRITTEN] as Set<string> | undefined)?.clear();
  }

  /** The change is committed whatever happens here: a lost notification only waits for the relays' poll. */
  private async notify(runner: QueryRunner, schema: string): Promise<void> {
    try {
      await runner.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, schema]);
    } catch (error) {
      this.logger.warn(
        `Could not notify the relays of ${schema}; they will find the events at their next poll: ${String(error)}`,
      );
    }
  }
}

/** The PostgreSQL backend behind a query runner (node-postgres' `processID`); absent on other drivers. */
function backendPidOf(runner: QueryRunner): number | undefined {
  const connection = (runner as { databaseConnection?: { processID?: number } }).databaseConnection;
  return typeof connection?.processID === 'number' ? connection.processID : undefined;
}
