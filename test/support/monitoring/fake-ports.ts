import type {
  AttemptOutcome,
  PostponedSend,
  WebhookDelivery,
} from '../../../src/contexts/monitoring/domain/webhooks/webhook-delivery.js';
import {
  WebhookDeliveryRepository,
  type DeliveryPage,
} from '../../../src/contexts/monitoring/domain/webhooks/webhook-delivery.repository.js';
import type { WebhookSubscription } from '../../../src/contexts/monitoring/domain/webhooks/webhook-subscription.js';
import {
  WebhookSubscriptionRepository,
  type SubscriptionPage,
} from '../../../src/contexts/monitoring/domain/webhooks/webhook-subscription.repository.js';
import { PublishedEventCatalogue } from '../../../src/contexts/monitoring/domain/webhooks/published-event.catalogue.js';
import { WebhookUrlPolicy } from '../../../src/contexts/monitoring/domain/webhooks/webhook-url.policy.js';
import { RetryPolicy } from '../../../src/contexts/monitoring/domain/webhooks/retry-policy.js';
import { Clock } from '../../../src/contexts/monitoring/application/ports/clock.js';
import {
  DeliveryMetrics,
  type AttemptResult,
} from '../../../src/contexts/monitoring/application/ports/delivery-metrics.js';
import { DeliverySettings } from '../../../src/contexts/monitoring/application/ports/delivery-settings.js';
import { Transaction } from '../../../src/contexts/monitoring/application/ports/transaction.js';
import { WebhookSecrets } from '../../../src/contexts/monitoring/application/ports/webhook-secrets.js';
import {
  WebhookSender,
  WebhookTargetAvailability,
  type WebhookRequest,
} from '../../../src/contexts/monitoring/application/ports/webhook-sender.js';
import { ConfiguredWebhookRules } from '../../../src/contexts/monitoring/application/services/webhook-rules.js';
import { WebhookLookup } from '../../../src/contexts/monitoring/application/services/webhook-lookup.js';

export const PROJECT = '0193a000-0000-7000-8000-000000000001';
export const OTHER_PROJECT = '0193a000-0000-7000-8000-000000000002';
export const ACTOR = '0193a000-0000-7000-8000-0000000000aa';

/** A small catalogue: two contexts and their types, as contracts would list them. */
export class FakeEventCatalogue extends PublishedEventCatalogue {
  static readonly TYPES: ReadonlyMap<string, readonly string[]> = new Map([
    ['workflow-engine', ['workflow-engine.workflow-run.started.v1', 'workflow-engine.workflow-run.succeeded.v1']],
    ['model-registry', ['model-registry.model-version.approved.v1']],
  ]);

  typesOf(context: string): readonly string[] | undefined {
    return FakeEventCatalogue.TYPES.get(context);
  }

  contexts(): readonly string[] {
    return [...FakeEventCatalogue.TYPES.keys()];
  }
}

/** Refuses literal private addresses as the outbound policy does; plain http only when told. */
export class FakeUrlPolicy extends WebhookUrlPolicy {
  constructor(readonly allowsHttp = false) {
    super();
  }

  problem(url: string): string | undefined {
    try {
      const host = new URL(url).hostname;
      return /^(10\.|127\.|192\.168\.|169\.254\.)/.test(host) ? `${host} is not a public address (private)` : undefined;
    } catch {
      return 'is not a URL';
    }
  }
}

export class InMemorySubscriptions extends WebhookSubscriptionRepository {
  readonly rows = new Map<string, WebhookSubscription>();

  add(subscription: WebhookSubscription): Promise<void> {
    this.rows.set(subscription.id, subscription);
    return Promise.resolve();
  }

  save(subscription: WebhookSubscription): Promise<void> {
    return this.add(subscription);
  }

  remove(id: string): Promise<void> {
    this.rows.delete(id);
    return Promise.resolve();
  }

  find(id: string): Promise<WebhookSubscription | undefined> {
    return Promise.resolve(this.rows.get(id));
  }

  listOfProject(projectId: string, limit: number): Promise<SubscriptionPage> {
    const items = [...this.rows.values()].filter((row) => row.projectId === projectId).slice(0, limit);
    return Promise.resolve({ items, nextCursor: null });
  }

  activeOfProjects(projectIds: readonly string[]): Promise<WebhookSubscription[]> {
    return Promise.resolve(
      [...this.rows.values()].filter((row) => projectIds.includes(row.projectId) && row.snapshot.active),
    );
  }
}

/** Deliveries in memory; a claim leases as the Postgres one does, so a claimed delivery is not due again at once. */
export class InMemoryDeliveries extends WebhookDeliveryRepository {
  readonly rows = new Map<string, WebhookDelivery>();
  private readonly leasedUntil = new Map<string, number>();
  private readonly savedAttempts = new Map<string, number>();

  add(deliveries: readonly WebhookDelivery[]): Promise<void> {
    for (const delivery of deliveries) {
      const { subscriptionId, eventId } = delivery.snapshot;
      const duplicate = [...this.rows.values()].some(
        (row) => row.snapshot.subscriptionId === subscriptionId && row.snapshot.eventId === eventId,
      );
      if (!duplicate) this.rows.set(delivery.id, delivery);
    }
    return Promise.resolve();
  }

  claimDue(now: Date, limit: number, leaseMs: number): Promise<WebhookDelivery[]> {
    const due = [...this.rows.values()]
      .filter((row) => row.snapshot.status === 'pending')
      .filter((row) => (this.leasedUntil.get(row.id) ?? row.snapshot.nextAttemptAt!.getTime()) <= now.getTime())
      .slice(0, limit);
    for (const row of due) this.leasedUntil.set(row.id, now.getTime() + leaseMs);
    return Promise.resolve(due);
  }

  saveAttempt(delivery: WebhookDelivery): Promise<boolean> {
    const count = delivery.snapshot.attempts.length;
    if ((this.savedAttempts.get(delivery.id) ?? 0) !== count - 1) return Promise.resolve(false);
    this.savedAttempts.set(delivery.id, count);
    this.leasedUntil.delete(delivery.id);
    this.rows.set(delivery.id, delivery);
    return Promise.resolve(true);
  }

  savePostponement(delivery: WebhookDelivery): Promise<boolean> {
    if ((this.savedAttempts.get(delivery.id) ?? 0) !== delivery.snapshot.attempts.length) return Promise.resolve(false);
    this.leasedUntil.delete(delivery.id);
    this.rows.set(delivery.id, delivery);
    return Promise.resolve(true);
  }

  listOfSubscription(subscriptionId: string, limit: number): Promise<DeliveryPage> {
    const items = [...this.rows.values()].filter((row) => row.snapshot.subscriptionId === subscriptionId);
    return Promise.resolve({ items: items.reverse().slice(0, limit), nextCursor: null });
  }
}

/**
 * Answers each request with the next scripted outcome (the last one repeats), recording what was
 * sent; a `postponedUntil` outcome stands for an open breaker, which sends nothing.
 */
export class ScriptedSender extends WebhookSender {
  readonly sent: WebhookRequest[] = [];
  private calls = 0;

  constructor(
    private readonly clock: Clock,
    private readonly script: (Omit<AttemptOutcome, 'startedAt' | 'durationMs'> | PostponedSend)[] = [
      { statusCode: 200 },
    ],
  ) {
    super();
  }

  send(request: WebhookRequest): Promise<AttemptOutcome | PostponedSend> {
    const next = this.script[Math.min(this.calls, this.script.length - 1)];
    this.calls += 1;
    if ('postponedUntil' in next) return Promise.resolve(next);
    this.sent.push(request);
    return Promise.resolve({ startedAt: this.clock.now(), durationMs: 5, ...next });
  }
}

/** Targets whose breaker is open, by URL, with the seconds until it lets a probe through. */
export class SettableTargetAvailability extends WebhookTargetAvailability {
  readonly refused = new Map<string, number>();

  refusedForSeconds(url: string): number | undefined {
    return this.refused.get(url);
  }
}

export class SettableClock extends Clock {
  constructor(public at = new Date('2026-12-07T00:00:00Z')) {
    super();
  }

  now(): Date {
    return this.at;
  }

  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export class CountingSecrets extends WebhookSecrets {
  private count = 0;

  generate(): string {
    this.count += 1;
    return `whsec_test_${this.count}`;
  }
}

export class ImmediateTransaction extends Transaction {
  run<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }
}

export class FixedDeliverySettings extends DeliverySettings {
  constructor(
    readonly retry = new RetryPolicy(4, 1000),
    readonly requestTimeoutMs = 1000,
    readonly batchSize = 10,
    readonly pollIntervalMs = 50,
  ) {
    super();
  }
}

/** Remembers what each recorded attempt led to. */
export class RecordedDeliveryMetrics extends DeliveryMetrics {
  readonly results: AttemptResult[] = [];

  attempted(result: AttemptResult): void {
    this.results.push(result);
  }
}

/** The monitoring context's ports in memory, for the handler specs. */
export function fakeWebhookPorts(options: { allowHttp?: boolean; settings?: DeliverySettings } = {}) {
  const clock = new SettableClock();
  const subscriptions = new InMemorySubscriptions();
  const deliveries = new InMemoryDeliveries();
  const rules = new ConfiguredWebhookRules(new FakeEventCatalogue(), new FakeUrlPolicy(options.allowHttp));
  return {
    clock,
    subscriptions,
    deliveries,
    rules,
    secrets: new CountingSecrets(),
    transaction: new ImmediateTransaction(),
    lookup: new WebhookLookup(subscriptions),
    settings: options.settings ?? new FixedDeliverySettings(),
    metrics: new RecordedDeliveryMetrics(),
    targets: new SettableTargetAvailability(),
  };
}
