import { Logger } from '@nestjs/common';
import { crashPoint } from '@libs/platform';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { MessagingMetrics } from '../metrics/messaging-metrics.js';
import { streamOf } from '../stream-names.js';

export interface OutboxRelayOptions {
  readonly context: string;
  readonly schema: string;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  readonly streamMaxLength: number;
  readonly streamRetentionHours: number;
}

const HOUSEKEEPING_INTERVAL_MS = 60_000;
const ERROR_BACKOFF_MS = 1000;

/**
 * Moves committed outbox rows of one schema to the context's stream. Rows are
 * claimed with FOR UPDATE SKIP LOCKED so any number of relays can run; a crash
 * after XADD but before the commit means they are sent again, which the
 * consumers' inbox makes harmless.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly stream: string;
  private running = false;
  private loop?: Promise<void>;
  private rung = false;
  private ring?: () => void;
  private lastHousekeeping = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly options: OutboxRelayOptions,
    private readonly metrics: MessagingMetrics,
  ) {
    this.stream = streamOf(options.context);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Asks for a relay pass now; wakes coalesce, so calling it often is cheap. */
  wake(): void {
    this.rung = true;
    this.ring?.();
  }

  /** Stops after the pass in flight, then sends what is left once more. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.ring?.();
    await this.loop;
    await this.relayAll().catch((error: unknown) =>
      this.logger.warn(`Final outbox flush of ${this.options.schema} failed: ${String(error)}`),
    );
  }

  /**
   * One pass: takes up to a batch out of the outbox and appends it to the stream
   * in the same transaction. Only the commit removes the rows, so a crash anywhere
   * before it leaves them to be sent again.
   */
  async relayBatch(): Promise<number> {
    const { schema, batchSize, streamMaxLength } = this.options;
    return this.dataSource.transaction(async (manager) => {
      // Losing this commit in a crash only means sending the rows again, which consumers absorb:
      // it need not wait for the WAL flush.
      await manager.query('SET LOCAL synchronous_commit = off');
      const { records } = await manager.queryRunner!.query(
        `DELETE FROM "${schema}".outbox
         WHERE seq IN (SELECT seq FROM "${schema}".outbox ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING seq, type, envelope::text AS envelope`,
        [batchSize],
        true,
      );
      const rows = records as { seq: string; type: string; envelope: string }[];
      if (rows.length === 0) return 0;
      rows.sort((a, b) => Number(a.seq) - Number(b.seq));
      const pipeline = this.redis.pipeline();
      for (const row of rows) {
        pipeline.xadd(this.stream, 'MAXLEN', '~', streamMaxLength, '*', 'type', row.type, 'envelope', row.envelope);
      }
      const failure = ((await pipeline.exec()) ?? []).find(([error]) => error);
      if (failure) throw failure[0] as Error;
      crashPoint('outbox.after-xadd');
      this.metrics.published(this.stream, rows.length);
      return rows.length;
    });
  }

  private async relayAll(): Promise<void> {
    while ((await this.relayBatch()) === this.options.batchSize);
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.rung = false;
      try {
        const relayed = await this.relayBatch();
        await this.housekeepIfDue();
        if (relayed === this.options.batchSize) continue;
        await this.sleep(this.options.pollIntervalMs);
      } catch (error) {
        this.logger.error(
          `Outbox relay of ${this.options.schema} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        await this.sleep(ERROR_BACKOFF_MS);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.rung || !this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      this.ring = done;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.ring = undefined;
    });
  }

  /** Trims the stream by age; MAXLEN on every XADD bounds it by length. */
  private async housekeepIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastHousekeeping < HOUSEKEEPING_INTERVAL_MS) return;
    this.lastHousekeeping = now;
    const oldestKept = now - this.options.streamRetentionHours * 3_600_000;
    await this.redis.xtrim(this.stream, 'MINID', '~', `${oldestKept}-0`);
  }
}
