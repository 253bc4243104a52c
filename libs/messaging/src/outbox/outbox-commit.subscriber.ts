import type { EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
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
    for (const schema of written) this.wakeups.wake(schema);
    written.clear();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    (event.queryRunner.data[OUTBOX_SCHEMAS_WRITTEN] as Set<string> | undefined)?.clear();
  }
}
