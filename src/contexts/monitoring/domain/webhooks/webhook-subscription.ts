import { AggregateRoot, newId, type FieldProblem } from '@libs/ddd';
import { WebhookSubscriptionInvalid } from './errors.js';
import { eventTypePatternProblem, patternMatches } from './event-type-pattern.js';
import type { PublishedEventCatalogue } from './published-event.catalogue.js';
import type { WebhookUrlPolicy } from './webhook-url.policy.js';

const MAX_PATTERNS = 50;
const MAX_URL_LENGTH = 2048;
const MAX_DESCRIPTION_LENGTH = 500;

export interface WebhookSubscriptionState {
  readonly id: string;
  readonly projectId: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly description: string;
  readonly active: boolean;
  /**
   * Undefined when the stored secret cannot be read (its key is no longer configured, docs/adr/0015):
   * the subscription can still be shown, changed, rotated or deleted, but nothing is signed until a
   * new secret is rotated in.
   */
  readonly secret: string | undefined;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What a subscriber may change; absent fields stay as they are. */
export interface WebhookChanges {
  readonly url?: string;
  readonly eventTypes?: readonly string[];
  readonly description?: string;
  readonly active?: boolean;
}

/** What the rules of a subscription are checked against. */
export interface WebhookRules {
  readonly catalogue: PublishedEventCatalogue;
  readonly urls: WebhookUrlPolicy;
}

export interface NewWebhookSubscription extends WebhookChanges {
  readonly projectId: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly secret: string;
  readonly createdBy: string;
  readonly at: Date;
}

/**
 * A project's subscription of an HTTPS endpoint to integration event types (exact types or
 * `<context>.*`). Deliveries are signed with its secret, which only the server generates.
 */
export class WebhookSubscription extends AggregateRoot {
  private constructor(private state: WebhookSubscriptionState) {
    super(state.id);
  }

  static create(input: NewWebhookSubscription, rules: WebhookRules): WebhookSubscription {
    const state: WebhookSubscriptionState = {
      id: newId(),
      projectId: input.projectId,
      url: input.url.trim(),
      eventTypes: unique(input.eventTypes),
      description: input.description?.trim() ?? '',
      active: input.active ?? true,
      secret: input.secret,
      createdBy: input.createdBy,
      createdAt: input.at,
      updatedAt: input.at,
    };
    check(state, rules);
    return new WebhookSubscription(state);
  }

  static restore(state: WebhookSubscriptionState): WebhookSubscription {
    return new WebhookSubscription(state);
  }

  get projectId(): string {
    return this.state.projectId;
  }

  get snapshot(): WebhookSubscriptionState {
    return this.state;
  }

  change(changes: WebhookChanges, rules: WebhookRules, at: Date): void {
    const next: WebhookSubscriptionState = {
      ...this.state,
      ...(changes.url !== undefined && { url: changes.url.trim() }),
      ...(changes.eventTypes !== undefined && { eventTypes: unique(changes.eventTypes) }),
      ...(changes.description !== undefined && { description: changes.description.trim() }),
      ...(changes.active !== undefined && { active: changes.active }),
      updatedAt: at,
    };
    check(next, rules);
    this.state = next;
  }

  rotateSecret(secret: string, at: Date): void {
    this.state = { ...this.state, secret, updatedAt: at };
  }

  /** Whether an event of `type` is to be delivered here. */
  wants(type: string): boolean {
    return this.state.active && this.state.eventTypes.some((pattern) => patternMatches(pattern, type));
  }
}

function check(state: WebhookSubscriptionState, rules: WebhookRules): void {
  const problems: FieldProblem[] = [...urlProblems(state.url, rules.urls), ...patternProblems(state.eventTypes, rules)];
  if (state.description.length > MAX_DESCRIPTION_LENGTH) {
    problems.push({ field: 'description', message: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` });
  }
  if (problems.length > 0) throw new WebhookSubscriptionInvalid(problems);
}

function urlProblems(url: string, urls: WebhookUrlPolicy): FieldProblem[] {
  if (url.length > MAX_URL_LENGTH) return [{ field: 'url', message: `must be at most ${MAX_URL_LENGTH} characters` }];
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  // Deliveries carry project activity and a signature: plain http only where the operator allows it (a lab, tests).
  if (scheme !== 'https' && !(scheme === 'http' && urls.allowsHttp)) {
    return [{ field: 'url', message: urls.allowsHttp ? 'must be an https or http URL' : 'must be an https URL' }];
  }
  const problem = urls.problem(url);
  return problem === undefined ? [] : [{ field: 'url', message: problem }];
}

function patternProblems(patterns: readonly string[], rules: WebhookRules): FieldProblem[] {
  if (patterns.length === 0) return [{ field: 'eventTypes', message: 'must name at least one event type' }];
  if (patterns.length > MAX_PATTERNS) return [{ field: 'eventTypes', message: `must name at most ${MAX_PATTERNS}` }];
  return patterns.flatMap((pattern, index) => {
    const problem = eventTypePatternProblem(pattern, rules.catalogue);
    return problem === undefined ? [] : [{ field: `eventTypes[${index}]`, message: problem }];
  });
}

function unique(patterns: readonly string[]): string[] {
  return [...new Set(patterns.map((pattern) => pattern.trim()))];
}
