import { Logger } from '@nestjs/common';
import pg from 'pg';
import { OUTBOX_CHANNEL } from '../schema/messaging-tables.js';
import type { RelayWakeups } from '../outbox/relay-wakeups.js';

const RECONNECT_DELAY_MS = 1000;

/**
 * LISTENs for the outbox trigger's NOTIFY so relays in this process wake when
 * another process (an API instance) commits events. Needs a connection of its
 * own; the embedded single-connection database turns it off (OUTBOX_LISTEN).
 */
export class OutboxListener {
  private readonly logger = new Logger(OutboxListener.name);
  private client?: pg.Client;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly wakeups: RelayWakeups,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: 'mlops-platform:outbox-listener',
    });
    client.on(
      'notification',
      (message) => message.payload && this.wakeups.notified(message.payload, message.processId),
    );
    client.on('error', (error) => this.logger.warn(`Outbox listener connection failed: ${error.message}`));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      this.logger.warn(`Outbox listener could not connect: ${error instanceof Error ? error.message : String(error)}`);
      await client.end().catch(() => undefined);
      this.reconnectLater();
      return;
    }
    client.once('end', () => this.reconnectLater());
    this.client = client;
  }

  private reconnectLater(): void {
    if (this.stopped) return;
    setTimeout(() => void this.connect(), RECONNECT_DELAY_MS).unref();
  }
}
