import type { PrometheusAlertingRule } from '@libs/platform';
import type { ExportableAlertRule } from '@contexts/monitoring';

/**
 * The platform's own alert rules for a Prometheus beside it (docs/adr/0605), the one source of
 * docker/prometheus/rules/platform.rules.yml. Rules over a typed signal are written as global
 * alert rules are, and mapped to PromQL as the export route maps them; the others watch metrics
 * no typed signal covers, written in PromQL.
 */
const global = (rule: Omit<ExportableAlertRule, 'projectId' | 'labels' | 'keepFiringFor'>): ExportableAlertRule => ({
  projectId: null,
  labels: { source: 'mlops-platform' },
  keepFiringFor: '0s',
  ...rule,
});

export const PLATFORM_TYPED_RULES: readonly ExportableAlertRule[] = [
  global({
    name: 'WorkflowRunsFailing',
    expr: { signal: 'workflow.failure_rate', window: '15m', filter: {}, op: '>', threshold: 0.5 },
    for: '10m',
    severity: 'warning',
    annotations: { summary: 'More than half of the workflow runs ended in the last 15 minutes failed ({{ $value }})' },
  }),
  global({
    name: 'EventConsumerLagging',
    expr: { signal: 'bus.consumer_lag', filter: {}, op: '>', threshold: 1000 },
    for: '5m',
    severity: 'warning',
    annotations: { summary: 'Consumer group {{ $labels.consumer }} is {{ $value }} entries behind' },
  }),
  global({
    name: 'PredictionErrorsHigh',
    expr: { signal: 'prediction.error_rate', window: '5m', filter: {}, op: '>', threshold: 0.05 },
    for: '5m',
    severity: 'critical',
    annotations: { summary: 'More than 5% of primary predictions failed ({{ $value }})' },
  }),
  global({
    name: 'PredictionLatencyHigh',
    expr: { signal: 'prediction.latency_p99_seconds', window: '5m', filter: {}, op: '>', threshold: 1 },
    for: '10m',
    severity: 'warning',
    annotations: { summary: 'p99 latency of primary predictions is {{ $value }}s' },
  }),
];

const labels = { source: 'mlops-platform' };

export const PLATFORM_PROMQL_RULES: readonly PrometheusAlertingRule[] = [
  {
    alert: 'OutboxBacklogGrowing',
    expr: 'max by (schema) (outbox_backlog) > 1000',
    for: '10m',
    labels: { ...labels, severity: 'warning' },
    annotations: { summary: 'The outbox of {{ $labels.schema }} holds {{ $value }} events not yet relayed' },
  },
  {
    alert: 'EventsDeadLettered',
    expr: 'sum by (consumer) (increase(events_dead_lettered_total[15m])) > 0',
    for: '0s',
    labels: { ...labels, severity: 'warning' },
    annotations: { summary: '{{ $labels.consumer }} moved {{ $value }} events to the dead-letter stream' },
  },
  {
    alert: 'HttpServerErrors',
    expr:
      'sum(rate(http_server_request_duration_seconds_count{status=~"5.."}[5m])) / ' +
      'sum(rate(http_server_request_duration_seconds_count[5m])) > 0.05',
    for: '5m',
    labels: { ...labels, severity: 'critical' },
    annotations: { summary: '{{ $value }} of the API requests answer 5xx' },
  },
  {
    alert: 'JobsWaitingForWorkers',
    expr: 'histogram_quantile(0.99, sum by (le, queue) (rate(bullmq_job_wait_seconds_bucket[10m]))) > 60',
    for: '10m',
    labels: { ...labels, severity: 'warning' },
    annotations: { summary: 'Jobs of {{ $labels.queue }} wait {{ $value }}s for a worker (p99)' },
  },
  {
    alert: 'PlatformTargetDown',
    expr: 'up{job="mlops-platform"} == 0',
    for: '2m',
    labels: { ...labels, severity: 'critical' },
    annotations: { summary: 'Prometheus cannot scrape {{ $labels.instance }}' },
  },
];
