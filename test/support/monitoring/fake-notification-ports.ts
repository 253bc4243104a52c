import type { Clock } from '../../../src/contexts/monitoring/application/ports/clock.js';
import { EmailSender, SlackSender } from '../../../src/contexts/monitoring/application/ports/notification-sender.js';
import type { AlertGroupMessage } from '../../../src/contexts/monitoring/application/services/alert-group-message.js';
import type {
  AttemptOutcome,
  PostponedSend,
} from '../../../src/contexts/monitoring/domain/webhooks/webhook-delivery.js';
import type { AlertNotification } from '../../../src/contexts/monitoring/domain/notifications/alert-notification.js';
import type { AlertRoute } from '../../../src/contexts/monitoring/domain/notifications/alert-route.js';
import type { NotificationGroupState } from '../../../src/contexts/monitoring/domain/notifications/notification-group.js';
import {
  AlertNotificationRepository,
  AlertRouteRepository,
  InhibitionRuleRepository,
  NotificationGroupRepository,
  SilenceRepository,
  type NotificationPage,
} from '../../../src/contexts/monitoring/domain/notifications/notifications.repository.js';
import type { InhibitionRule } from '../../../src/contexts/monitoring/domain/notifications/inhibition-rule.js';
import type { Silence } from '../../../src/contexts/monitoring/domain/notifications/silence.js';

export class InMemoryRoutes extends AlertRouteRepository {
  readonly rows = new Map<string, AlertRoute>();

  add(route: AlertRoute): Promise<void> {
    this.rows.set(route.id, route);
    return Promise.resolve();
  }

  ofProject(projectId: string): Promise<AlertRoute[]> {
    return Promise.resolve([...this.rows.values()].filter((route) => route.projectId === projectId));
  }

  all(): Promise<AlertRoute[]> {
    return Promise.resolve([...this.rows.values()]);
  }

  remove(projectId: string, id: string): Promise<boolean> {
    const found = this.rows.get(id)?.projectId === projectId;
    if (found) this.rows.delete(id);
    return Promise.resolve(found);
  }
}

export class InMemorySilences extends SilenceRepository {
  readonly rows: Silence[] = [];

  add(silence: Silence): Promise<void> {
    this.rows.push(silence);
    return Promise.resolve();
  }

  current(projectId: string, at: Date): Promise<Silence[]> {
    return Promise.resolve(this.rows.filter((silence) => silence.projectId === projectId && silence.endsAt > at));
  }

  expire(projectId: string, id: string, at: Date): Promise<boolean> {
    const index = this.rows.findIndex((silence) => silence.id === id && silence.projectId === projectId);
    if (index < 0 || this.rows[index].endsAt <= at) return Promise.resolve(false);
    this.rows[index] = { ...this.rows[index], endsAt: at };
    return Promise.resolve(true);
  }
}

export class InMemoryInhibitionRules extends InhibitionRuleRepository {
  readonly rows: InhibitionRule[] = [];

  add(rule: InhibitionRule): Promise<void> {
    this.rows.push(rule);
    return Promise.resolve();
  }

  ofProject(projectId: string): Promise<InhibitionRule[]> {
    return Promise.resolve(this.rows.filter((rule) => rule.projectId === projectId));
  }

  remove(projectId: string, id: string): Promise<boolean> {
    const index = this.rows.findIndex((rule) => rule.id === id && rule.projectId === projectId);
    if (index >= 0) this.rows.splice(index, 1);
    return Promise.resolve(index >= 0);
  }
}

/** Group states in memory; `heldElsewhere` names routes another notifier holds this round. */
export class InMemoryGroups extends NotificationGroupRepository {
  readonly states = new Map<string, Map<string, NotificationGroupState>>();
  readonly heldElsewhere = new Set<string>();

  lockRoute(routeId: string): Promise<boolean> {
    return Promise.resolve(!this.heldElsewhere.has(routeId));
  }

  ofRoute(routeId: string): Promise<Map<string, NotificationGroupState>> {
    return Promise.resolve(new Map(this.states.get(routeId) ?? []));
  }

  save(routeId: string, groupKey: string, state: NotificationGroupState): Promise<void> {
    const groups = this.states.get(routeId) ?? new Map<string, NotificationGroupState>();
    groups.set(groupKey, state);
    this.states.set(routeId, groups);
    return Promise.resolve();
  }

  forget(routeId: string, groupKey: string): Promise<void> {
    this.states.get(routeId)?.delete(groupKey);
    return Promise.resolve();
  }
}

export class InMemoryNotifications extends AlertNotificationRepository {
  readonly rows: AlertNotification[] = [];

  add(notifications: readonly AlertNotification[]): Promise<void> {
    this.rows.push(...notifications);
    return Promise.resolve();
  }

  claimDue(now: Date, limit: number): Promise<AlertNotification[]> {
    const due = this.rows.filter(
      (row) => row.snapshot.status === 'pending' && row.snapshot.nextAttemptAt!.getTime() <= now.getTime(),
    );
    return Promise.resolve(due.slice(0, limit));
  }

  saveAttempt(): Promise<boolean> {
    return Promise.resolve(true);
  }

  savePostponement(): Promise<boolean> {
    return Promise.resolve(true);
  }

  ofProject(projectId: string, limit: number): Promise<NotificationPage> {
    const items = this.rows.filter((row) => row.snapshot.projectId === projectId).slice(0, limit);
    return Promise.resolve({ items: items.map((row) => row.snapshot), nextCursor: null });
  }
}

/** Answers each email with the next scripted outcome (the last one repeats), recording the recipients. */
export class ScriptedEmailSender extends EmailSender {
  readonly sent: { to: readonly string[]; message: AlertGroupMessage }[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly script: Omit<AttemptOutcome, 'startedAt' | 'durationMs'>[] = [{}],
  ) {
    super();
  }

  send(to: readonly string[], message: AlertGroupMessage): Promise<AttemptOutcome> {
    const next = this.script[Math.min(this.sent.length, this.script.length - 1)];
    this.sent.push({ to, message });
    return Promise.resolve({ startedAt: this.clock.now(), durationMs: 3, ...next });
  }
}

export class RecordingSlackSender extends SlackSender {
  readonly sent: { url: string; message: AlertGroupMessage }[] = [];
  /** Set: Slack's breaker is open until then, and nothing is sent. */
  postponedUntil?: Date;

  constructor(private readonly clock: Clock) {
    super();
  }

  send(url: string, message: AlertGroupMessage): Promise<AttemptOutcome | PostponedSend> {
    if (this.postponedUntil) return Promise.resolve({ postponedUntil: this.postponedUntil });
    this.sent.push({ url, message });
    return Promise.resolve({ startedAt: this.clock.now(), durationMs: 3, statusCode: 200 });
  }
}
