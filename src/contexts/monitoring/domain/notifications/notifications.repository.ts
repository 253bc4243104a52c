import type { AlertNotification, ListedNotification } from './alert-notification.js';
import type { AlertRoute, ListedAlertRoute } from './alert-route.js';
import type { InhibitionRule } from './inhibition-rule.js';
import type { NotificationGroupState } from './notification-group.js';
import type { Silence } from './silence.js';

/** Port: a project's routes. */
export abstract class AlertRouteRepository {
  abstract add(route: AlertRoute): Promise<void>;
  abstract ofProject(projectId: string): Promise<ListedAlertRoute[]>;
  /** Every route, for the notifier's round: those whose secrets cannot be read are left out. */
  abstract all(): Promise<AlertRoute[]>;
  /** Removes a route of this project; false when it has none by that id. */
  abstract remove(projectId: string, id: string): Promise<boolean>;
}

/** Port: a project's silences. */
export abstract class SilenceRepository {
  abstract add(silence: Silence): Promise<void>;
  /** Silences not yet ended at `at`, soonest end first. */
  abstract current(projectId: string, at: Date): Promise<Silence[]>;
  /** Ends a silence of this project now (Alertmanager's expiry); false when it has none by that id. */
  abstract expire(projectId: string, id: string, at: Date): Promise<boolean>;
}

/** Port: the groups of a route, and the lock that gives a route to one notifier at a time. */
export abstract class NotificationGroupRepository {
  /** In the running transaction: true when this notifier holds the route until it commits. */
  abstract lockRoute(routeId: string): Promise<boolean>;
  abstract ofRoute(routeId: string): Promise<Map<string, NotificationGroupState>>;
  abstract save(routeId: string, groupKey: string, state: NotificationGroupState): Promise<void>;
  abstract forget(routeId: string, groupKey: string): Promise<void>;
}

export interface NotificationPage {
  readonly items: ListedNotification[];
  readonly nextCursor: string | null;
}

/** Port: notifications with their attempts; due ones are leased like webhook deliveries. */
export abstract class AlertNotificationRepository {
  abstract add(notifications: readonly AlertNotification[]): Promise<void>;
  /** Those whose secrets cannot be read stay leased, unsent. */
  abstract claimDue(now: Date, limit: number, leaseMs: number): Promise<AlertNotification[]>;
  /** Stores the last attempt unless another notifier stored that attempt first (fencing). */
  abstract saveAttempt(notification: AlertNotification): Promise<boolean>;
  /** Stores a postponement (its new due time), fenced like an attempt. */
  abstract savePostponement(notification: AlertNotification): Promise<boolean>;
  abstract ofProject(projectId: string, limit: number, cursor?: string): Promise<NotificationPage>;
}

/** Port: a project's inhibition rules. */
export abstract class InhibitionRuleRepository {
  abstract add(rule: InhibitionRule): Promise<void>;
  abstract ofProject(projectId: string): Promise<InhibitionRule[]>;
  /** Removes a rule of this project; false when it has none by that id. */
  abstract remove(projectId: string, id: string): Promise<boolean>;
}
