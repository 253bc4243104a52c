import { Logger } from '@nestjs/common';
import { crashPoint } from '@libs/platform';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { MessagingMetrics } from '../metrics/messaging-metrics.js';
import { streamOf } from '../stream-names.js';
import { StreamHistory } from '../streams/stream-history.js';
import { OutboxRows, type OutboxRow } from './outbox-rows.js';

export interface OutboxRelayOptions {
  readonly context: string;
  readonly schema: string;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  /**
   * The least time from one pass's start to the next's (Kafka's linger.ms): events committed close
   * together go in one pass, so a busy outbox costs a pass and a stream read per many events rather
   * than per commit. It follows only a pass that sent rows: a ring after a quiet spell is answered at once.
   */
  readonly lingerMs: number;
  readonly streamMaxLength: number;
  readonly streamRetentionHours: number;
}

const HOUSEKEEPING_INTERVAL_MS = 60_000;
// Sent rows are kept until acknowledged; forgetting them often keeps the outbox near its backlog's size.
const FORGET_INTERVAL_MS = 5_000;
const ERROR_BACKOFF_MS = 1000;
/** What a pass answers when Redis lost the stream: it sent nothing, and the kept rows must go first. */
const STREAM_LOST = -1;

/**
 * Moves committed outbox rows of one schema to the context's stream. Rows are
 * claimed with FOR UPDATE SKIP LOCKED so any number of relays can run; a crash
 * after XADD but before the commit means they are sent again, which the
 * consumers' inbox makes harmless. Sent rows stay until every consumer group
 * acknowledged them: when Redis loses the stream, they are sent again (ADR 0008).
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly stream: string;
  private readonly rows: OutboxRows;
  private readonly history: StreamHistory;
  private running = false;
  private loop?: Promise<void>;
  private rung = false;
  /** Ends the wait in progress: any wait when stopping, a ringable one on a ring. */
  private interrupt?: { readonly ringable: boolean; readonly end: () => void };
  private passStartedAt = 0;
  private lastHousekeeping = 0;
  private lastForget = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly options: OutboxRelayOptions,
    private readonly metrics: MessagingMetrics,
  ) {
    this.stream = streamOf(options.context);
    this.rows = new OutboxRows(options.schema);
    this.history = new StreamHistory(redis, this.stream);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Asks for a relay pass now; wakes coalesce, so calling it often is cheap. */
  wake(): void {
    this.rung = true;
    if (this.interrupt?.ringable) this.interrupt.end();
  }

  /** Stops after the pass in flight, then sends what is left once more. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.interrupt?.end();
    await this.loop;
    await this.relayAll().catch((error: unknown) =>
      this.logger.warn(`Final outbox flush of ${this.options.schema} failed: ${String(error)}`),
    );
  }

  /**
   * One pass: takes up to a batch of unsent rows and appends them to the stream in
   * one transaction. Only the commit marks them sent, so a crash anywhere before it
   * leaves them to be sent again. If Redis lost the stream, what it held is sent
   * again first: the rows are appended only while the stream is intact, in the same
   * round trip as that check, and otherwise stay unsent until the resend is done.
   */
  async relayBatch(): Promise<number> {
    const relayed = await this.relayPass();
    if (relayed !== STREAM_LOST) return relayed;
    await this.resendLostStream();
    // Lost once more while resending: the next pass starts the resend over.
    return Math.max(await this.relayPass(), 0);
  }

  /** Sends up to a batch; answers how many, or STREAM_LOST (and sends nothing) when Redis lost the stream. */
  private relayPass(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.rows.claimUnsent(manager, this.options.batchSize);
      if (rows.length === 0) return (await this.history.isIntact()) ? 0 : STREAM_LOST;
      const entryIds = await this.history.appendIfIntact(rows, this.options.streamMaxLength);
      if (entryIds === undefined) return STREAM_LOST;
      crashPoint('outbox.after-xadd');
      await this.rows.markSent(manager, rows, entryIds);
      this.metrics.published(this.stream, rows.length);
      return rows.length;
    });
  }

  /**
   * Sends every kept row again: the rows some group had not acknowledged when Redis lost the stream
   * (a group that had may see one again; its inbox skips it). Several relays may do this at once, at
   * the cost of more duplicates; the marker is set only once all were sent, so a crash (or another
   * loss) halfway through starts over.
   */
  private async resendLostStream(): Promise<void> {
    const token = await this.history.beginResend();
    let afterSeq = '0';
    let resent = 0;
    for (;;) {
      const rows = await this.dataSource.transaction(async (manager) => {
        const kept = await this.rows.sentAfter(manager, afterSeq, this.options.batchSize);
        if (kept.length > 0) await this.rows.markSent(manager, kept, await this.append(kept));
        return kept;
      });
      resent += rows.length;
      if (rows.length < this.options.batchSize) break;
      afterSeq = rows[rows.length - 1].seq;
    }
    if (!(await this.history.markIntactAfter(token))) return;
    if (resent > 0) this.logger.warn(`Redis lost ${this.stream}: sent the ${resent} unacknowledged event(s) again`);
  }

  /** XADDs the rows in order; answers their entry ids. */
  private async append(rows: readonly OutboxRow[]): Promise<string[]> {
    const pipeline = this.redis.pipeline();
    for (const row of rows) {
      pipeline.xadd(
        this.stream,
        'MAXLEN',
        '~',
        this.options.streamMaxLength,
        '*',
        'type',
        row.type,
        'envelope',
        row.envelope,
      );
    }
    const replies = (await pipeline.exec()) ?? [];
    const failure = replies.find(([error]) => error);
    if (failure) throw failure[0] as Error;
    return replies.map(([, entryId]) => entryId as string);
  }

  private async relayAll(): Promise<void> {
    while ((await this.relayBatch()) === this.options.batchSize);
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.rung = false;
      this.passStartedAt = Date.now();
      try {
        const relayed = await this.relayBatch();
        await this.housekeepIfDue();
        await this.forgetAcknowledgedIfDue();
        if (relayed === this.options.batchSize) continue;
        await this.sleep(this.options.pollIntervalMs);
        // A pass that found rows says the outbox is busy: more are likely on their way.
        if (relayed > 0) await this.linger();
      } catch (error) {
        this.logger.error(
          `Outbox relay of ${this.options.schema} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        await this.sleep(ERROR_BACKOFF_MS);
      }
    }
  }

  /** Waits for a ring or the poll interval, whichever comes first. */
  private sleep(ms: number): Promise<void> {
    return this.rung ? Promise.resolve() : this.wait(ms, true);
  }

  /** Waits out the rest of the linger time since the last pass began; rings do not end it. */
  private linger(): Promise<void> {
    return this.wait(this.passStartedAt + this.options.lingerMs - Date.now(), false);
  }

  /** Waits `ms`; stopping ends the wait, and so does a ring when `ringable`. */
  private wait(ms: number, ringable: boolean): Promise<void> {
    if (ms <= 0 || !this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      this.interrupt = { ringable, end: done };
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.interrupt = undefined;
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

  /**
   * Deletes the sent rows every group acknowledged. The groups are read before the marker: if Redis
   * lost its data in between, the marker is gone too (until every kept row was sent again), and
   * nothing is deleted on the word of an empty stream.
   */
  private async forgetAcknowledgedIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastForget < FORGET_INTERVAL_MS) return;
    this.lastForget = now;
    const acknowledgedBefore = await this.history.acknowledgedBefore();
    if (!(await this.history.isIntact())) return;
    await this.rows.forgetAcknowledged(this.dataSource, acknowledgedBefore, this.options.streamRetentionHours);
  }
}
