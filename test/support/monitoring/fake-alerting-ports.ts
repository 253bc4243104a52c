import type { EventMap, EventPublisher, EventSubject } from '@libs/messaging/ports';
import type { MonitoringEvents } from '../../../src/contexts/monitoring/contracts/events.js';
import { AlertingSettings } from '../../../src/contexts/monitoring/application/ports/alerting-settings.js';
import { SignalReader } from '../../../src/contexts/monitoring/application/ports/signal-reader.js';
import { AlertRuleLookup } from '../../../src/contexts/monitoring/application/services/alert-rule-lookup.js';
import type { AlertExpr } from '../../../src/contexts/monitoring/domain/alerts/alert-expr.js';
import type { AlertRule } from '../../../src/contexts/monitoring/domain/alerts/alert-rule.js';
import {
  AlertRuleRepository,
  type AlertRulePage,
} from '../../../src/contexts/monitoring/domain/alerts/alert-rule.repository.js';
import type { AlertStateName } from '../../../src/contexts/monitoring/domain/alerts/alert-state.js';
import type { Alert, AlertTransition } from '../../../src/contexts/monitoring/domain/alerts/alert.js';
import {
  AlertRepository,
  type HistoryQuery,
  type TransitionPage,
} from '../../../src/contexts/monitoring/domain/alerts/alert.repository.js';
import type { Sample } from '../../../src/contexts/monitoring/domain/alerts/sample.js';
import { ImmediateTransaction, SettableClock } from './fake-ports.js';

/** Rules in memory; a claim leases as the Postgres one does (the due time moves to the lease's end). */
export class InMemoryAlertRules extends AlertRuleRepository {
  readonly rows = new Map<string, AlertRule>();
  readonly dueAt = new Map<string, number>();

  add(rule: AlertRule): Promise<void> {
    this.rows.set(rule.id, rule);
    this.dueAt.set(rule.id, rule.snapshot.createdAt.getTime());
    return Promise.resolve();
  }

  save(rule: AlertRule): Promise<void> {
    this.rows.set(rule.id, rule);
    return Promise.resolve();
  }

  remove(id: string): Promise<void> {
    this.rows.delete(id);
    this.dueAt.delete(id);
    return Promise.resolve();
  }

  find(id: string): Promise<AlertRule | undefined> {
    return Promise.resolve(this.rows.get(id));
  }

  list(projectId: string | null, limit: number): Promise<AlertRulePage> {
    const items = [...this.rows.values()].filter((rule) => rule.projectId === projectId).slice(0, limit);
    return Promise.resolve({ items, nextCursor: null });
  }

  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<AlertRule[]> {
    const due = [...this.rows.values()].filter((rule) => this.dueAt.get(rule.id)! <= now.getTime()).slice(0, limit);
    for (const rule of due) this.dueAt.set(rule.id, leaseUntil.getTime());
    return Promise.resolve(due);
  }

  release(id: string, nextAt: Date): Promise<void> {
    this.dueAt.set(id, nextAt.getTime());
    return Promise.resolve();
  }
}

export class InMemoryAlerts extends AlertRepository {
  readonly alerts = new Map<string, Alert>();
  readonly transitions: AlertTransition[] = [];

  ofRule(ruleId: string): Promise<Alert[]> {
    return Promise.resolve([...this.alerts.values()].filter((alert) => alert.ruleId === ruleId));
  }

  find(id: string): Promise<Alert | undefined> {
    return Promise.resolve(this.alerts.get(id));
  }

  save(alerts: readonly Alert[], transitions: readonly AlertTransition[]): Promise<void> {
    for (const alert of alerts) this.alerts.set(alert.id, alert);
    this.transitions.push(...transitions);
    return Promise.resolve();
  }

  current(projectId: string, state?: AlertStateName): Promise<Alert[]> {
    return Promise.resolve(
      [...this.alerts.values()].filter(
        (alert) =>
          alert.projectId === projectId &&
          (state === undefined ? alert.status.state !== 'inactive' : alert.status.state === state),
      ),
    );
  }

  everywhere(state: AlertStateName): Promise<Alert[]> {
    return Promise.resolve([...this.alerts.values()].filter((alert) => alert.status.state === state));
  }

  history(query: HistoryQuery): Promise<TransitionPage> {
    const items = this.transitions.filter(
      (t) => t.projectId === query.projectId && (query.ruleId === undefined || t.ruleId === query.ruleId),
    );
    return Promise.resolve({ items: items.slice(0, query.limit), nextCursor: null });
  }
}

/** Answers each signal with the samples set for it; throws for a signal set to fail. */
export class ScriptedSignals extends SignalReader {
  readonly samples = new Map<string, Sample[]>();
  readonly failing = new Set<string>();

  read(expr: AlertExpr): Promise<Sample[]> {
    if (this.failing.has(expr.signal)) return Promise.reject(new Error(`${expr.signal} is unavailable`));
    return Promise.resolve(this.samples.get(expr.signal) ?? []);
  }
}

export class RecordingPublisher<TEvents extends EventMap> implements EventPublisher<TEvents> {
  readonly published: { type: string; payload: unknown; subject: EventSubject }[] = [];

  publish<TType extends keyof TEvents & string>(
    type: TType,
    payload: TEvents[TType],
    subject: EventSubject,
  ): Promise<void> {
    this.published.push({ type, payload, subject });
    return Promise.resolve();
  }
}

export class FixedAlertingSettings extends AlertingSettings {
  constructor(
    readonly evaluationIntervalMs = 1000,
    readonly leaseMs = 5000,
    readonly batchSize = 10,
  ) {
    super();
  }
}

/** The alerting ports in memory, for the handler specs. */
export function fakeAlertingPorts() {
  const rules = new InMemoryAlertRules();
  return {
    clock: new SettableClock(),
    rules,
    alerts: new InMemoryAlerts(),
    signals: new ScriptedSignals(),
    events: new RecordingPublisher<MonitoringEvents>(),
    transaction: new ImmediateTransaction(),
    settings: new FixedAlertingSettings(),
    lookup: new AlertRuleLookup(rules),
  };
}
