import type { AlertExpr } from '../alerts/alert-expr.js';
import type { Severity } from '../alerts/alert-rule.js';

export const SLO_SUBJECT_KINDS = ['deployment', 'workflow'] as const;
export type SloSubjectKind = (typeof SLO_SUBJECT_KINDS)[number];

/** What a service-level rule set is suggested for: a deployment, or a workflow that runs on a schedule. */
export interface SloSubject {
  readonly kind: SloSubjectKind;
  readonly id: string;
  readonly name: string;
}

/** What the subject did lately, to set thresholds from: absent when it has not served or run. */
export interface ObservedBehaviour {
  readonly p99Seconds?: number;
  readonly longestRunSeconds?: number;
}

/** One alert rule as it would be created. */
export interface SuggestedRule {
  readonly objective: 'availability' | 'latency' | 'success-rate' | 'duration';
  readonly name: string;
  readonly expr: AlertExpr;
  readonly for: string;
  readonly severity: Severity;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

export interface SloSuggestion {
  readonly subject: SloSubject;
  readonly rules: readonly SuggestedRule[];
}

// 99% of answers succeed; a scheduled workflow fails at most one run in ten.
const MAX_ERROR_RATE = 0.01;
const MAX_FAILURE_RATE = 0.1;
// With no traffic yet, a p99 of one second is the bound; with traffic, twice what it served at.
const DEFAULT_P99_SECONDS = 1;
const LATENCY_HEADROOM = 2;
const MIN_P99_SECONDS = 0.05;
const DURATION_HEADROOM = 1.5;

/**
 * The rules suggested for one subject (issue 14 item 6): availability and p99 latency for a
 * deployment, success rate and (once it has run) duration for a scheduled workflow. Thresholds come
 * from what the subject did, with headroom, so accepting them does not page at once.
 */
export function suggestRules(subject: SloSubject, observed: ObservedBehaviour): SuggestedRule[] {
  const labels = (objective: string) => ({ slo: objective, [subject.kind]: subject.name });
  if (subject.kind === 'deployment') {
    const filter = { deploymentId: subject.id };
    const p99 =
      observed.p99Seconds === undefined
        ? DEFAULT_P99_SECONDS
        : roundUp(Math.max(observed.p99Seconds * LATENCY_HEADROOM, MIN_P99_SECONDS), 3);
    return [
      {
        objective: 'availability',
        name: `SLO availability: ${subject.name}`,
        expr: { signal: 'prediction.error_rate', window: '1h', filter, op: '>', threshold: MAX_ERROR_RATE },
        for: '5m',
        severity: 'critical',
        labels: labels('availability'),
        annotations: { summary: `{{ $labels.variant }} of ${subject.name} fails {{ $value }} of its answers` },
      },
      {
        objective: 'latency',
        name: `SLO p99 latency: ${subject.name}`,
        expr: { signal: 'prediction.latency_p99_seconds', window: '5m', filter, op: '>', threshold: p99 },
        for: '10m',
        severity: 'warning',
        labels: labels('latency'),
        annotations: { summary: `p99 of {{ $labels.variant }} of ${subject.name} is {{ $value }}s (bound ${p99}s)` },
      },
    ];
  }
  const filter = { workflowId: subject.id };
  const rules: SuggestedRule[] = [
    {
      objective: 'success-rate',
      name: `SLO success rate: ${subject.name}`,
      expr: { signal: 'workflow.failure_rate', window: '24h', filter, op: '>', threshold: MAX_FAILURE_RATE },
      for: '0s',
      severity: 'critical',
      labels: labels('success-rate'),
      annotations: { summary: `${subject.name} failed {{ $value }} of its runs in the last day` },
    },
  ];
  if (observed.longestRunSeconds !== undefined && observed.longestRunSeconds > 0) {
    const bound = Math.ceil(observed.longestRunSeconds * DURATION_HEADROOM);
    rules.push({
      objective: 'duration',
      name: `SLO duration: ${subject.name}`,
      expr: { signal: 'workflow.duration_max_seconds', window: '24h', filter, op: '>', threshold: bound },
      for: '0s',
      severity: 'warning',
      labels: labels('duration'),
      annotations: { summary: `a run of ${subject.name} took {{ $value }}s (bound ${bound}s)` },
    });
  }
  return rules;
}

function roundUp(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.ceil(value * scale) / scale;
}
