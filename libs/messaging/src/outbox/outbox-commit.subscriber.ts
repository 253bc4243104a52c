import type { EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { OUTBOX_SCHEMAS_WRITTEN } from './outbox.js';
import type { OutboxDoorbell } from './outbox-doorbell.js';

/**
 * Rings the relay of every schema whose outbox a transaction wrote, right after the commit made the
 * rows visible: in-process publishing is relayed without waiting for a poll (OutboxDoorbell).
 */
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  constructor(private readonly doorbell: OutboxDoorbell) {}

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const written = event.queryRunner.data[OUTBOX_SCHEMAS_WRITTEN] as Set<string> | undefined;
    // Still active: a savepoint was released, and the rows become visible only at the outer commit.
    if (!written || written.size === 0 || event.queryRunner.isTransactionActive) return;
    const schemas = [...written];
    written.clear();
    await this.doorbell.ring(schemas, event.queryRunner, backendPidOf(event.queryRunner));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    (event.queryRunner.data[OUTBOX_SCHEMAS_WRITTEN] as Set<string> | undefined)?.clear();
  }
}

/** The PostgreSQL backend behind a query runner (node-postgres' `processID`); absent on other drivers. */
function backendPidOf(runner: QueryRunner): number | undefined {
  const connection = (runner as { databaseConnection?: { processID?: number } }).databaseConnection;
  return typeof connection?.processID === 'number' ? connection.processID : undefined;
}
