import type { WebhookSubscription } from './webhook-subscription.js';

export interface SubscriptionPage {
  readonly items: WebhookSubscription[];
  readonly nextCursor: string | null;
}

/** Port: a project's webhook subscriptions. */
export abstract class WebhookSubscriptionRepository {
  abstract add(subscription: WebhookSubscription): Promise<void>;
  abstract save(subscription: WebhookSubscription): Promise<void>;
  abstract remove(id: string): Promise<void>;
  abstract find(id: string, options?: { lock?: boolean }): Promise<WebhookSubscription | undefined>;
  /** Oldest first, `limit` at a time after the cursor (the last id of the previous page). */
  abstract listOfProject(projectId: string, limit: number, cursor?: string): Promise<SubscriptionPage>;
  /** Every active subscription of these projects: what their events fan out to. */
  abstract activeOfProjects(projectIds: readonly string[]): Promise<WebhookSubscription[]>;
}
