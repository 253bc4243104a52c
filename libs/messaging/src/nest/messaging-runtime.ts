import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { PLATFORM_CONFIG, ReadinessRegistry, RedisConnections, type PlatformConfig } from '@libs/platform';
import type { DataSource } from 'typeorm';
import { IntegrationEventHandler } from '../consumer/integration-event-handler.js';
import { StreamConsumer } from '../consumer/stream-consumer.js';
import { BusBacklog } from '../health/bus-backlog.js';
import { OutboxCommitSubscriber } from '../outbox/outbox-commit.subscriber.js';
import { OutboxDoorbell } from '../outbox/outbox-doorbell.js';
import { RelayWakeups } from '../outbox/relay-wakeups.js';
import { OutboxListener } from '../relay/outbox-listener.js';
import { OutboxRelay } from '../relay/outbox-relay.js';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.options.js';
import { registerBusGauges } from './bus-gauges.js';
import { PrometheusMessagingMetrics } from './prometheus-messaging-metrics.js';

/**
 * Runs the bus of this process: the relays of the hosted contexts' outboxes and
 * one consumer per discovered IntegrationEventHandler (worker role only), and
 * reports their backlog to readiness and /metrics.
 */
@Injectable()
export class MessagingRuntime implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MessagingRuntime.name);
  private readonly wakeups = new RelayWakeups();
  /** Rung after transactions that wrote an outbox, and by writers that commit outbox rows in one statement of their own. */
  readonly doorbell = new OutboxDoorbell(this.wakeups);
  private readonly relays: OutboxRelay[] = [];
  private readonly consumers: StreamConsumer[] = [];
  private listener?: OutboxListener;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisConnections,
    private readonly discovery: DiscoveryService,
    private readonly readiness: ReadinessRegistry,
    private readonly metrics: PrometheusMessagingMetrics,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(new OutboxCommitSubscriber(this.doorbell));
    const schemas = this.schemas();
    const backlog = new BusBacklog(this.dataSource, this.redis.command, schemas, () => this.consumers);
    registerBusGauges(backlog);
    const { maxOutboxBacklog, maxConsumerLag } = this.config.readiness;
    this.readiness.register('outbox', async () => {
      const rows = await backlog.outboxBacklog();
      return {
        healthy: Object.values(rows).every((count) => count <= maxOutboxBacklog),
        details: { backlog: rows, max: maxOutboxBacklog },
      };
    });
    // ADR 0008: a group Redis lost, or a consumer loop that keeps failing, handles nothing: not ready.
    this.readiness.register('consumers', async () => {
      const { lag, missing } = await backlog.consumerGroups();
      const failing = Object.fromEntries(
        this.consumers.flatMap((consumer) =>
          consumer.state.failing ? [[consumer.group, consumer.state.lastError]] : [],
        ),
      );
      return {
        healthy:
          Object.values(lag).every((count) => count <= maxConsumerLag) &&
          missing.length === 0 &&
          Object.keys(failing).length === 0,
        details: { lag, max: maxConsumerLag, missing, failing },
      };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.workers) return;
    this.startRelays();
    if (this.config.events.outboxListen) {
      this.listener = new OutboxListener(this.config.databaseUrl, this.wakeups);
      await this.listener.start();
    }
    for (const handler of this.discoverHandlers()) await this.startConsumer(handler);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.listener?.stop();
    await Promise.all(this.relays.map((relay) => relay.stop()));
  }

  private schemas(): string[] {
    return this.options.contexts.flatMap((context) => (context.schema ? [context.schema] : []));
  }

  private startRelays(): void {
    const events = this.config.events;
    for (const context of this.options.contexts) {
      if (!context.schema) continue;
      const relay = new OutboxRelay(
        this.dataSource,
        this.redis.command,
        {
          context: context.name,
          schema: context.schema,
          batchSize: events.outboxBatchSize,
          pollIntervalMs: events.outboxPollIntervalMs,
          lingerMs: events.outboxLingerMs,
          streamMaxLength: events.streamMaxLength,
          streamRetentionHours: events.streamRetentionHours,
        },
        this.metrics,
      );
      this.wakeups.register(context.schema, () => relay.wake());
      relay.start();
      this.relays.push(relay);
    }
  }

  private discoverHandlers(): IntegrationEventHandler[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is IntegrationEventHandler => instance instanceof IntegrationEventHandler);
  }

  private async startConsumer(handler: IntegrationEventHandler): Promise<void> {
    const contextName = handler.consumer.split('.')[0];
    const inboxSchema = this.options.contexts.find((context) => context.name === contextName)?.schema;
    if (!inboxSchema) {
      throw new Error(
        `Consumer "${handler.consumer}" must be named <context>.<handler> after a hosted context with a schema`,
      );
    }
    const events = this.config.events;
    const consumer = new StreamConsumer(
      this.dataSource,
      this.redis.command,
      this.redis.dedicatedConnection(`consumer:${handler.consumer}`),
      handler,
      {
        consumerName: `${hostname()}-${process.pid}`,
        inboxSchema,
        batchSize: events.consumerBatchSize,
        blockMs: events.consumerBlockMs,
        retryIdleMs: events.retryIdleMs,
        maxDeliveries: events.maxDeliveries,
        inboxRetentionHours: events.streamRetentionHours * 2,
      },
      this.metrics,
    );
    await consumer.start();
    this.consumers.push(consumer);
    this.logger.log(`Consuming ${[handler.eventType].flat().join(', ')} as ${handler.consumer}`);
  }
}
