import { newId } from '@libs/ddd';
import { conditionMet } from './alert-expr.js';
import type { AlertRule } from './alert-rule.js';
import { INACTIVE, observe } from './alert-state.js';
import { transitionOf, type Alert, type AlertTransition } from './alert.js';
import { fingerprintOf, renderTemplate, type Labels } from './labels.js';
import type { Sample } from './sample.js';

export interface RuleEvaluation {
  /** Alerts whose state or values changed, new ones included. */
  readonly alerts: readonly Alert[];
  readonly transitions: readonly AlertTransition[];
}

/**
 * One evaluation of a rule: each sampled series is an alert (the rule's labels, the series' labels,
 * `alertname` and `severity`); an alert whose series is gone counts as a condition not met. A series
 * that does not meet the condition and has no alert yet is not stored: history is of changes only.
 */
export function evaluateRule(
  rule: AlertRule,
  samples: readonly Sample[],
  known: readonly Alert[],
  at: Date,
): RuleEvaluation {
  const { id: ruleId, name, severity, labels: ruleLabels, annotations, expr } = rule.snapshot;
  const timing = { forMs: rule.forMs, keepFiringForMs: rule.keepFiringForMs };
  const byFingerprint = new Map(known.map((alert) => [alert.fingerprint, alert]));
  const changed: Alert[] = [];
  const transitions: AlertTransition[] = [];
  const seen = new Set<string>();

  const step = (previous: Alert | undefined, sample: Sample | undefined, labels: Labels, projectId: string | null) => {
    const met = sample !== undefined && conditionMet(expr, sample.value);
    const status = observe(previous?.status ?? INACTIVE, { met, at }, timing);
    if (previous === undefined && status.state === 'inactive') return;
    const value = sample?.value ?? null;
    const alert: Alert = {
      id: previous?.id ?? newId(),
      ruleId,
      projectId,
      fingerprint: fingerprintOf(labels),
      labels,
      status,
      value,
      annotations: renderAll(annotations, value, labels),
      lineage: sample?.lineage ?? previous?.lineage ?? [],
      updatedAt: at,
    };
    changed.push(alert);
    const from = previous?.status.state ?? 'inactive';
    if (from !== status.state) transitions.push(transitionOf(alert, from));
  };

  for (const sample of samples) {
    const labels: Labels = { ...ruleLabels, ...sample.labels, alertname: name, severity };
    const fingerprint = fingerprintOf(labels);
    seen.add(fingerprint);
    step(byFingerprint.get(fingerprint), sample, labels, sample.projectId ?? rule.projectId);
  }
  for (const alert of known) {
    if (!seen.has(alert.fingerprint) && (alert.status.state === 'pending' || alert.status.state === 'firing')) {
      step(alert, undefined, alert.labels, alert.projectId);
    }
  }
  return { alerts: changed, transitions };
}

function renderAll(templates: Labels, value: number | null, labels: Labels): Labels {
  return Object.fromEntries(Object.entries(templates).map(([key, text]) => [key, renderTemplate(text, value, labels)]));
}
