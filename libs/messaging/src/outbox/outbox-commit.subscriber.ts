import type { EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { OUTBOX_SCHEMAS_WRITTEN } from './outbox.js';
import type { RelayWakeups } from './relay-wakeups.js';

/**
 * Rings the relay of every schema whose outbox a transaction wrote, right after
 * the commit made the rows visible: in-process publishing is relayed without
 * waiting for a poll or a NOTIFY round trip.
 */
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  constructor(private readonly wakeups: RelayWakeups) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const written = event.queryRunner.data[OUTBOX_SCHEMAS_WRITTEN] as Set<string> | undefined;
    if (!written) return;
    const backendPid = backendPidOf(event.queryRunner);
    for (const schema of written) this.wakeups.wake(schema, backendPid);
    written.clear();
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
