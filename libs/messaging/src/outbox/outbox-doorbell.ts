import { Logger } from '@nestjs/common';
import { OUTBOX_CHANNEL } from '../schema/messaging-tables.js';
import type { RelayWakeups } from './relay-wakeups.js';

/** Where a NOTIFY goes out from: the connection that committed, or any of the pool's. */
export interface NotifyingConnection {
  query(sql: string, parameters: unknown[]): Promise<unknown>;
}

/**
 * Tells the relays that committed outbox rows of some schemas wait, right after the commit made them
 * visible: the relay of this process when it hosts the schema's, otherwise the relays of other
 * processes by a NOTIFY sent after the commit (a NOTIFY inside the transaction would make PostgreSQL
 * serialise every publishing commit, WAL flush included, on its one notification lock: ADR 0002).
 * Rung by OutboxCommitSubscriber after transactions, and by a writer whose change, outbox rows
 * included, is one statement committed on its own.
 */
export class OutboxDoorbell {
  private readonly logger = new Logger(OutboxDoorbell.name);

  constructor(private readonly wakeups: RelayWakeups) {}

  /** `backendPid`: the PostgreSQL backend that committed, when known, so its own NOTIFY is passed over. */
  async ring(schemas: Iterable<string>, connection: NotifyingConnection, backendPid?: number): Promise<void> {
    for (const schema of schemas) {
      if (!this.wakeups.wake(schema, backendPid)) await this.notify(connection, schema);
    }
  }

  /** The change is committed whatever happens here: a lost notification only waits for the relays' poll. */
  private async notify(connection: NotifyingConnection, schema: string): Promise<void> {
    try {
      await connection.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, schema]);
    } catch (error) {
      this.logger.warn(
        `Could not notify the relays of ${schema}; they will find the events at their next poll: ${String(error)}`,
      );
    }
  }
}
