import { Logger } from '@nestjs/common';
import { uuidV7Floor } from '@libs/ddd';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { MessagingMetrics } from '../metrics/messaging-metrics.js';
import { isHandledBy, streamOfSubscriptions } from '../stream-names.js';
import { DeadLetters } from './dead-letters.js';
import type { IntegrationEventHandler } from './integration-event-handler.js';
import { handleInTransaction, type FailedEntry } from './handle-in-transaction.js';
import { parseEnvelope, toStreamEntry, type StreamEntry } from './stream-entry.js';

export interface StreamConsumerOptions {
  /** Unique within the group: one per process. */
  readonly consumerName: string;
  readonly inboxSchema: string;
  readonly batchSize: number;
  readonly blockMs: number;
  readonly retryIdleMs: number;
  readonly maxDeliveries: number;
  /** How long the inbox remembers a handled event; longer than the stream keeps it. */
  readonly inboxRetentionHours: number;
}

type ReadReply = [stream: string, entries: [string, string[]][]][] | null;
type AutoClaimReply = [next: string, entries: [string, string[]][], deleted: string[]];

const ERROR_BACKOFF_MS = 1000;
const INBOX_PRUNE_INTERVAL_MS = 3_600_000;

/** How the loop fares, for readiness: a failing loop handles nothing. */
export interface ConsumerLoopState {
  readonly failing: boolean;
  readonly lastError?: string;
}

/**
 * Feeds one handler from its consumer group (ARCHITECTURE section 3): reads new
 * entries, reclaims ones left pending by failures or dead consumers with
 * XAUTOCLAIM, acks after the inbox transaction commits, and dead-letters an
 * entry once it was delivered `maxDeliveries` times. When Redis lost the group
 * (NOGROUP: its data is gone), the group is made again from the stream's start,
 * where the relay sends the lost events again (ADR 0008).
 */
export class StreamConsumer {
  readonly group: string;
  readonly stream: string;
  private readonly subscriptions: readonly string[];
  private readonly logger: Logger;
  private readonly deadLetters: DeadLetters;
  private running = false;
  private loop?: Promise<void>;
  private lastReclaim = 0;
  private lastPrune = 0;
  private lastError?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: Redis,
    private readonly blocking: Redis,
    private readonly handler: IntegrationEventHandler,
    private readonly options: StreamConsumerOptions,
    private readonly metrics: MessagingMetrics,
  ) {
    this.group = handler.consumer;
    this.subscriptions = typeof handler.eventType === 'string' ? [handler.eventType] : handler.eventType;
    this.stream = streamOfSubscriptions(this.subscriptions);
    this.logger = new Logger(`StreamConsumer ${this.group}`);
    this.deadLetters = new DeadLetters(commands);
  }

  async start(): Promise<void> {
    await this.ensureGroup();
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight; unacked entries stay pending for another consumer. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.blocking.disconnect();
    await this.loop;
  }

  get state(): ConsumerLoopState {
    return this.lastError === undefined ? { failing: false } : { failing: true, lastError: this.lastError };
  }

  private async ensureGroup(): Promise<void> {
    try {
      // From the stream's start: an event published before this group existed is still handled once.
      await this.commands.xgroup('CREATE', this.stream, this.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('BUSYGROUP'))) throw error;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (this.reclaimIsDue()) await this.reclaimIdle();
        if (Date.now() - this.lastPrune >= INBOX_PRUNE_INTERVAL_MS) await this.pruneInbox();
        const entries = await this.readNew();
        if (entries.length > 0) await this.process(entries);
        this.lastError = undefined;
      } catch (error) {
        if (!this.running) break;
        if (await this.recreatedLostGroup(error)) continue;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.error(`Consuming ${this.stream} failed: ${this.lastError}`);
        await new Promise((resolve) => setTimeout(resolve, ERROR_BACKOFF_MS));
      }
    }
  }

  /**
   * NOGROUP: Redis no longer has the group (nor, likely, the stream); UNBLOCKED: the stream went away
   * while this loop was blocked reading it. Either way make the group again and go on.
   */
  private async recreatedLostGroup(error: unknown): Promise<boolean> {
    if (!(error instanceof Error && /^(NOGROUP|UNBLOCKED)/.test(error.message))) return false;
    this.logger.warn(`Consumer group ${this.group} of ${this.stream} is gone (Redis lost its data); creating it again`);
    try {
      await this.ensureGroup();
      return true;
    } catch (failure) {
      this.lastError = failure instanceof Error ? failure.message : String(failure);
      return false;
    }
  }

  /** Event ids are UUIDv7, so "handled long ago" is a range of the inbox's primary key. */
  private async pruneInbox(): Promise<void> {
    this.lastPrune = Date.now();
    const oldestKept = uuidV7Floor(new Date(Date.now() - this.options.inboxRetentionHours * 3_600_000));
    await this.dataSource.query(
      `DELETE FROM "${this.options.inboxSchema}".inbox WHERE consumer = $1 AND event_id < $2`,
      [this.group, oldestKept],
    );
  }

  private reclaimIsDue(): boolean {
    return Date.now() - this.lastReclaim >= this.reclaimIntervalMs();
  }

  private reclaimIntervalMs(): number {
    return Math.max(Math.floor(this.options.retryIdleMs / 2), 20);
  }

  private async readNew(): Promise<StreamEntry[]> {
    const untilReclaim = Math.max(this.lastReclaim + this.reclaimIntervalMs() - Date.now(), 1);
    const reply = (await this.blocking.xreadgroup(
      'GROUP',
      this.group,
      this.options.consumerName,
      'COUNT',
      this.options.batchSize,
      'BLOCK',
      Math.min(this.options.blockMs, untilReclaim),
      'STREAMS',
      this.stream,
      '>',
    )) as ReadReply;
    return reply?.[0]?.[1].map(toStreamEntry) ?? [];
  }

  /** Takes over entries pending longer than the retry idle time: failed ones and those of dead consumers. */
  private async reclaimIdle(): Promise<void> {
    this.lastReclaim = Date.now();
    let cursor = '0-0';
    do {
      const [next, entries] = (await this.commands.xautoclaim(
        this.stream,
        this.group,
        this.options.consumerName,
        this.options.retryIdleMs,
        cursor,
        'COUNT',
        this.options.batchSize,
      )) as AutoClaimReply;
      if (entries.length > 0) await this.process(entries.map(toStreamEntry));
      cursor = next;
    } while (cursor !== '0-0' && this.running);
  }

  private async process(entries: StreamEntry[]): Promise<void> {
    const mine = await this.wantedOf(
      entries.filter(
        (entry) =>
          this.subscriptions.some((subscription) => isHandledBy(subscription, entry.type)) &&
          (!entry.target || entry.target === this.group),
      ),
    );
    const ignored = entries.length - mine.length;
    const { done, failed } =
      mine.length > 0
        ? await handleInTransaction(this.dataSource, this.handler, mine, this.options.inboxSchema)
        : { done: [], failed: [] };
    const failedIds = new Set(failed.map((failure) => failure.entry.entryId));
    const acks = entries.filter((entry) => !failedIds.has(entry.entryId)).map((entry) => entry.entryId);
    if (acks.length > 0) await this.commands.xack(this.stream, this.group, ...acks);
    this.countOutcomes(ignored, done);
    for (const failure of failed) await this.retryOrDeadLetter(failure);
  }

  /** The entries the handler has something to do for, when it can tell; one that does not parse stays, to fail in the inbox's pass. */
  private async wantedOf(entries: StreamEntry[]): Promise<StreamEntry[]> {
    if (this.handler.wanted === undefined || entries.length === 0) return entries;
    const readable = entries.flatMap((entry) => {
      try {
        return [{ entry, envelope: parseEnvelope(entry) }];
      } catch {
        return [];
      }
    });
    const wanted = await this.handler.wanted(readable.map(({ envelope }) => envelope));
    const unwanted = new Set(readable.filter((_, index) => !wanted[index]).map(({ entry }) => entry));
    return entries.filter((entry) => !unwanted.has(entry));
  }

  private countOutcomes(ignored: number, done: { duplicate: boolean; seconds: number }[]): void {
    if (ignored > 0) this.metrics.consumed(this.group, 'ignored', ignored);
    for (const outcome of done) {
      this.metrics.consumed(this.group, outcome.duplicate ? 'duplicate' : 'handled');
      if (!outcome.duplicate) this.metrics.handled(this.group, outcome.seconds);
    }
  }

  private async retryOrDeadLetter({ entry, error }: FailedEntry): Promise<void> {
    this.metrics.consumed(this.group, 'failed');
    const deliveries = await this.deliveriesOf(entry.entryId);
    const message = error instanceof Error ? error.message : String(error);
    if (deliveries < this.options.maxDeliveries) {
      this.logger.warn(
        `Handling ${entry.type} (${entry.entryId}) failed on delivery ${deliveries}; will retry: ${message}`,
      );
      return;
    }
    this.logger.error(`Dead-lettering ${entry.type} (${entry.entryId}) after ${deliveries} deliveries: ${message}`);
    await this.deadLetters.add({ stream: this.stream, consumer: this.group, entry, error: message, deliveries });
    await this.commands.xack(this.stream, this.group, entry.entryId);
    this.metrics.deadLettered(this.group);
  }

  private async deliveriesOf(entryId: string): Promise<number> {
    const pending = (await this.commands.xpending(this.stream, this.group, entryId, entryId, 1)) as [
      string,
      string,
      number,
      number,
    ][];
    return pending[0]?.[3] ?? 1;
  }
}
