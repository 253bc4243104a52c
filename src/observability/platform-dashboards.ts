/**
 * The one source of the Grafana dashboards in docker/grafana (docs/adr/0605): each panel a PromQL
 * query over the metric names the platform serves at /metrics (README, "Run it"). Change a panel
 * here, then `npm run dashboards:write`; a test fails while the committed files differ.
 */

export type PanelUnit = 'short' | 'ops' | 's' | 'percentunit';

export interface PanelQuery {
  readonly expr: string;
  /** Grafana's legend format, e.g. `{{state}}`. */
  readonly legend: string;
}

export interface PanelSpec {
  readonly title: string;
  readonly description: string;
  readonly unit: PanelUnit;
  readonly queries: readonly PanelQuery[];
}

export interface DashboardSpec {
  /** Grafana's uid: stable, so links and provisioning updates keep pointing at it. */
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly panels: readonly PanelSpec[];
}

const rate = (metric: string, by: string, window = '5m') => `sum by (${by}) (rate(${metric}[${window}]))`;
const p99 = (metric: string, by: string) => `histogram_quantile(0.99, sum by (le, ${by}) (rate(${metric}_bucket[5m])))`;

export const PLATFORM_DASHBOARDS: readonly DashboardSpec[] = [
  {
    uid: 'mlops-runs',
    title: 'ML platform / Workflow runs',
    description: 'Workflow runs started and ended, and how long they took',
    panels: [
      {
        title: 'Runs started',
        description: 'workflow_runs_started_total',
        unit: 'ops',
        queries: [{ expr: 'sum(rate(workflow_runs_started_total[5m]))', legend: 'started' }],
      },
      {
        title: 'Runs ended by state',
        description: 'workflow_runs_finished_total by final state',
        unit: 'ops',
        queries: [{ expr: rate('workflow_runs_finished_total', 'state'), legend: '{{state}}' }],
      },
      {
        title: 'Failure rate',
        description: 'failed / (failed + succeeded), as the workflow.failure_rate alert signal',
        unit: 'percentunit',
        queries: [
          {
            expr:
              'sum(rate(workflow_runs_finished_total{state="failed"}[15m])) / ' +
              'sum(rate(workflow_runs_finished_total{state=~"failed|succeeded"}[15m]))',
            legend: 'failure rate',
          },
        ],
      },
      {
        title: 'Run duration p99',
        description: 'workflow_run_duration_seconds by final state',
        unit: 's',
        queries: [{ expr: p99('workflow_run_duration_seconds', 'state'), legend: '{{state}}' }],
      },
    ],
  },
  {
    uid: 'mlops-tasks',
    title: 'ML platform / Tasks',
    description: 'Task attempts by type and outcome',
    panels: [
      {
        title: 'Task attempts ended',
        description: 'workflow_task_runs_finished_total by type and state',
        unit: 'ops',
        queries: [{ expr: rate('workflow_task_runs_finished_total', 'type, state'), legend: '{{type}} {{state}}' }],
      },
      {
        title: 'Task attempt duration p99',
        description: 'workflow_task_run_duration_seconds by type',
        unit: 's',
        queries: [{ expr: p99('workflow_task_run_duration_seconds', 'type'), legend: '{{type}}' }],
      },
    ],
  },
  {
    uid: 'mlops-queues',
    title: 'ML platform / Queues',
    description: 'BullMQ queues of every context: depth, job time and wait for a worker',
    panels: [
      {
        title: 'Jobs by queue and state',
        description: 'bullmq_queue_jobs',
        unit: 'short',
        queries: [{ expr: 'sum by (queue, state) (bullmq_queue_jobs)', legend: '{{queue}} {{state}}' }],
      },
      {
        title: 'Job duration p99',
        description: 'bullmq_job_duration_seconds by queue',
        unit: 's',
        queries: [{ expr: p99('bullmq_job_duration_seconds', 'queue'), legend: '{{queue}}' }],
      },
      {
        title: 'Wait for a worker p99',
        description: 'bullmq_job_wait_seconds by queue',
        unit: 's',
        queries: [{ expr: p99('bullmq_job_wait_seconds', 'queue'), legend: '{{queue}}' }],
      },
    ],
  },
  {
    uid: 'mlops-bus',
    title: 'ML platform / Event bus',
    description: 'The outbox, the streams and the consumer groups',
    panels: [
      {
        title: 'Outbox backlog',
        description: 'outbox_backlog: rows not yet relayed, by schema',
        unit: 'short',
        queries: [{ expr: 'sum by (schema) (outbox_backlog)', legend: '{{schema}}' }],
      },
      {
        title: 'Consumer lag',
        description: 'events_consumer_lag: entries unread or unacknowledged, by consumer group',
        unit: 'short',
        queries: [{ expr: 'max by (consumer) (events_consumer_lag)', legend: '{{consumer}}' }],
      },
      {
        title: 'Events published and consumed',
        description: 'events_published_total by stream; events_consumed_total by outcome',
        unit: 'ops',
        queries: [
          { expr: rate('events_published_total', 'stream'), legend: 'published {{stream}}' },
          { expr: rate('events_consumed_total', 'outcome'), legend: 'consumed {{outcome}}' },
        ],
      },
      {
        title: 'Dead letters',
        description: 'events_dead_lettered_total by consumer',
        unit: 'short',
        queries: [{ expr: 'sum by (consumer) (increase(events_dead_lettered_total[1h]))', legend: '{{consumer}}' }],
      },
    ],
  },
  {
    uid: 'mlops-predictions',
    title: 'ML platform / Predictions',
    description:
      'Predictions by variant role (primary, shadow) and outcome; remote runtimes by deployment and variant. ' +
      'In-process predictions carry no deployment or variant label (bounded labels, ADR 0501): per-variant ' +
      'figures of an experiment are in GET /api/v1/deployments/{id}/experiment.',
    panels: [
      {
        title: 'Predictions by variant role and outcome',
        description: 'prediction_requests_total',
        unit: 'ops',
        queries: [{ expr: rate('prediction_requests_total', 'role, outcome'), legend: '{{role}} {{outcome}}' }],
      },
      {
        title: 'Prediction latency p99 by variant role',
        description: 'prediction_latency_seconds',
        unit: 's',
        queries: [{ expr: p99('prediction_latency_seconds', 'role'), legend: '{{role}}' }],
      },
      {
        title: 'Remote runtime calls p99 by deployment and variant',
        description: 'prediction_remote_call_duration_seconds',
        unit: 's',
        queries: [
          {
            expr: p99('prediction_remote_call_duration_seconds', 'deployment, variant'),
            legend: '{{deployment}} {{variant}}',
          },
        ],
      },
      {
        title: 'Remote breaker state by variant',
        description: 'prediction_remote_breaker_state: 0 closed, 1 half-open, 2 open',
        unit: 'short',
        queries: [
          {
            expr: 'max by (deployment, variant) (prediction_remote_breaker_state)',
            legend: '{{deployment}} {{variant}}',
          },
        ],
      },
      {
        title: 'Response cache hit ratio by deployment',
        description: 'prediction_cache_lookups_total',
        unit: 'percentunit',
        queries: [
          {
            expr:
              'sum by (deployment) (rate(prediction_cache_lookups_total{result="hit"}[5m])) / ' +
              'sum by (deployment) (rate(prediction_cache_lookups_total[5m]))',
            legend: '{{deployment}}',
          },
        ],
      },
    ],
  },
  {
    uid: 'mlops-data-quality',
    title: 'ML platform / Data quality',
    description:
      'Data tasks (checks, freshness waits) and pipeline runs; failed check suites are alert signals ' +
      '(data.checks_failed) read from events, not metrics',
    panels: [
      {
        title: 'Data task attempts by type and state',
        description: 'workflow_task_runs_finished_total of the data.* task types',
        unit: 'ops',
        queries: [
          {
            expr: 'sum by (type, state) (rate(workflow_task_runs_finished_total{type=~"data[.].*"}[5m]))',
            legend: '{{type}} {{state}}',
          },
        ],
      },
      {
        title: 'Pipeline run jobs by outcome',
        description: 'bullmq_job_duration_seconds of the data-pipeline.pipeline-runs queue',
        unit: 'ops',
        queries: [
          {
            expr: 'sum by (outcome) (rate(bullmq_job_duration_seconds_count{queue="data-pipeline.pipeline-runs"}[5m]))',
            legend: '{{outcome}}',
          },
        ],
      },
      {
        title: 'Data-pipeline events published',
        description: 'events_published_total of the events.data-pipeline stream',
        unit: 'ops',
        queries: [{ expr: 'sum(rate(events_published_total{stream="events.data-pipeline"}[5m]))', legend: 'events' }],
      },
    ],
  },
];
