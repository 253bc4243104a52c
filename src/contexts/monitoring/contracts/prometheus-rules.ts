import type { PrometheusAlertingRule, SkippedRule } from '@libs/platform/ports';

/**
 * How alert rules read in Prometheus (docs/adr/0605): a typed condition becomes PromQL over the
 * platform's own metric names where a metric holds its signal. In the contracts, so the generator
 * of docker/'s provisioning files and the export route map rules the same way.
 */

/** A rule as monitoring stores it, structurally: the signal is a name of its catalogue. */
export interface ExportableAlertRule {
  readonly name: string;
  /** Null for a global rule; a project's rule watches that project alone. */
  readonly projectId: string | null;
  readonly expr: {
    readonly signal: string;
    readonly window?: string;
    readonly filter: Readonly<Record<string, string>>;
    readonly op: string;
    readonly threshold: number;
  };
  readonly for: string;
  readonly keepFiringFor: string;
  readonly severity: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

type Expr = ExportableAlertRule['expr'];

interface SignalQuery {
  /** The filters a metric label carries, by filter name: the label's name. */
  readonly labels: Readonly<Record<string, string>>;
  /** PromQL of the value, given the window and the label matchers (`{a="b"}` or empty). */
  readonly query: (window: string, matchers: string) => string;
}

const PROJECT_SCOPED =
  'the platform’s metrics carry no project label (bounded labels, ARCHITECTURE section 8), so a project’s share of the signal is not in Prometheus';

/** The signals a metric holds. A signal not named here (data checks, model staleness...) has none. */
const SIGNAL_QUERIES: Readonly<Record<string, SignalQuery>> = {
  'workflow.failure_rate': {
    labels: {},
    query: (window) =>
      `sum(increase(workflow_runs_finished_total{state="failed"}[${window}])) / ` +
      `sum(increase(workflow_runs_finished_total{state=~"failed|succeeded"}[${window}]))`,
  },
  'bus.consumer_lag': {
    labels: { group: 'consumer' },
    query: (_window, matchers) => `max by (consumer) (events_consumer_lag${matchers})`,
  },
  'prediction.error_rate': {
    labels: {},
    query: (window) =>
      `sum(rate(prediction_requests_total{role="primary",outcome="failed"}[${window}])) / ` +
      `sum(rate(prediction_requests_total{role="primary"}[${window}]))`,
  },
  'prediction.latency_p99_seconds': {
    labels: {},
    query: (window) =>
      `histogram_quantile(0.99, sum by (le) (rate(prediction_latency_seconds_bucket{role="primary"}[${window}])))`,
  },
};

/** Why each signal with no metric is left out, for the file's comments and the ADR. */
const NO_METRIC: Readonly<Record<string, string>> = {
  'workflow.duration_max_seconds':
    'a run’s duration is only in a histogram, whose buckets bound the longest run but do not hold it',
  'data.checks_failed': 'check results are events and rows of data-pipeline, not a metric',
  'model.staleness_days': 'approvals are events of the model registry, not a metric',
};

/** The rule as Prometheus reads it, or why it cannot be. */
export function toPrometheusRule(rule: ExportableAlertRule): PrometheusAlertingRule | SkippedRule {
  const skip = (reason: string): SkippedRule => ({ name: rule.name, reason });
  const signal = SIGNAL_QUERIES[rule.expr.signal];
  if (signal === undefined) {
    return skip(NO_METRIC[rule.expr.signal] ?? `no metric holds ${rule.expr.signal}`);
  }
  if (rule.projectId !== null) return skip(PROJECT_SCOPED);
  const unlabelled = Object.keys(rule.expr.filter).filter((name) => signal.labels[name] === undefined);
  if (unlabelled.length > 0) {
    return skip(`no metric label holds the filter ${unlabelled.join(', ')} (bounded labels)`);
  }
  return {
    alert: rule.name,
    expr: `${signal.query(rule.expr.window ?? '5m', matchersOf(rule.expr, signal))} ${rule.expr.op} ${rule.expr.threshold}`,
    for: rule.for,
    ...(rule.keepFiringFor === '0s' ? {} : { keep_firing_for: rule.keepFiringFor }),
    labels: { ...rule.labels, severity: rule.severity },
    annotations: Object.fromEntries(Object.entries(rule.annotations).map(([name, text]) => [name, goTemplateOf(text)])),
  };
}

export function isSkippedRule(rule: PrometheusAlertingRule | SkippedRule): rule is SkippedRule {
  return 'reason' in rule;
}

function matchersOf(expr: Expr, signal: SignalQuery): string {
  const matchers = Object.entries(expr.filter).map(
    ([name, value]) => `${signal.labels[name]}=${JSON.stringify(value)}`,
  );
  return matchers.length === 0 ? '' : `{${matchers.join(',')}}`;
}

const PLACEHOLDER = /\{\{\s*(\$value|\$labels\.[a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

/**
 * Our annotations know `{{ $value }}` and `{{ $labels.name }}`, which Prometheus's Go templates
 * read the same; any other `{{` is text to us, so it is written as a template printing it.
 */
function goTemplateOf(text: string): string {
  return text
    .split(PLACEHOLDER)
    .map((part, index) => (index % 2 === 1 ? `{{ ${part} }}` : part.replaceAll('{{', '{{ "{{" }}')))
    .join('');
}
