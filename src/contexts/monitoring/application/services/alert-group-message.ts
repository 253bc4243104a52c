import type { Alert } from '../../domain/alerts/alert.js';
import type { Labels } from '../../domain/alerts/labels.js';

/** What every receiver of a group is told, in Alertmanager's webhook shape (its fields the platform has). */
export interface AlertGroupMessage {
  readonly status: 'firing' | 'resolved';
  readonly route: string;
  readonly groupKey: string;
  readonly groupLabels: Labels;
  readonly commonLabels: Labels;
  readonly alerts: readonly {
    readonly status: 'firing' | 'resolved';
    readonly alertId: string;
    readonly ruleId: string;
    readonly labels: Labels;
    readonly annotations: Labels;
    readonly value: number | null;
    readonly activeSince: string | null;
    readonly lineage: readonly { readonly type: string; readonly id: string }[];
  }[];
}

export function alertGroupMessage(input: {
  route: string;
  groupKey: string;
  groupLabels: Labels;
  firing: readonly Alert[];
  resolved: readonly Alert[];
}): AlertGroupMessage {
  const all = [...input.firing, ...input.resolved];
  return {
    status: input.firing.length > 0 ? 'firing' : 'resolved',
    route: input.route,
    groupKey: input.groupKey,
    groupLabels: input.groupLabels,
    commonLabels: commonLabels(all.map((alert) => alert.labels)),
    alerts: all.map((alert) => ({
      status: alert.status.state === 'firing' ? 'firing' : 'resolved',
      alertId: alert.id,
      ruleId: alert.ruleId,
      labels: alert.labels,
      annotations: alert.annotations,
      value: alert.value,
      activeSince: alert.status.activeSince?.toISOString() ?? null,
      lineage: alert.lineage,
    })),
  };
}

function commonLabels(sets: readonly Labels[]): Labels {
  if (sets.length === 0) return {};
  return Object.fromEntries(
    Object.entries(sets[0]).filter(([name, value]) => sets.every((labels) => labels[name] === value)),
  );
}

/** One line per alert, for receivers that read text (email, Slack). */
export function alertGroupText(message: AlertGroupMessage): { subject: string; text: string } {
  const firing = message.alerts.filter((alert) => alert.status === 'firing').length;
  const name = message.commonLabels.alertname ?? message.route;
  const subject = `[${message.status.toUpperCase()}:${firing}] ${name}`;
  const lines = message.alerts.map((alert) => {
    const summary = alert.annotations.summary ?? alert.labels.alertname ?? alert.ruleId;
    return `- ${alert.status}: ${summary} (value ${alert.value ?? 'none'})`;
  });
  return { subject, text: [subject, '', ...lines].join('\n') };
}
