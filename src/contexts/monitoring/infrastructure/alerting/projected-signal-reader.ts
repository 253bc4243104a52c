import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import { SignalReader } from '../../application/ports/signal-reader.js';
import { windowMs, type AlertExpr } from '../../domain/alerts/alert-expr.js';
import type { Sample } from '../../domain/alerts/sample.js';
import { BusLagReader } from './bus-lag-reader.js';
import { OutboxBacklogReader } from './outbox-backlog-reader.js';
import { PredictionSignalReader } from './prediction-signal-reader.js';
import { QueueDepthReader } from './queue-depth-reader.js';

const DAY_MS = 86_400_000;
/** How many failed runs or check results one sample names as lineage: enough to start from, bounded. */
const MAX_LINEAGE = 20;

interface WorkflowRow {
  readonly project_id: string;
  readonly workflow_id: string;
  readonly value: number;
  readonly failed_runs: string[] | null;
}

interface TaskRetryRow {
  readonly project_id: string;
  readonly workflow_id: string;
  readonly task_id: string;
  readonly value: number;
  readonly retried_runs: string[] | null;
}

interface CheckRow {
  readonly project_id: string;
  readonly dataset_id: string;
  readonly version_id: string;
  readonly value: number;
  readonly check_result_ids: string[];
}

interface ModelRow {
  readonly project_id: string;
  readonly model_id: string;
  readonly value: number;
}

/**
 * Reads signals from the compact tables the monitoring context fills from other contexts' events
 * (docs/adr/0603); the bus, the outboxes and the job queues where they are (docs/adr/0604); and
 * prediction's serving health through its facade. A filter value that is no UUID matches nothing
 * rather than failing the evaluation.
 */
@Injectable()
export class ProjectedSignalReader extends SignalReader {
  constructor(
    private readonly scope: AmbientTransaction,
    private readonly busLag: BusLagReader,
    private readonly outboxBacklog: OutboxBacklogReader,
    private readonly queueDepth: QueueDepthReader,
    private readonly predictions: PredictionSignalReader,
  ) {
    super();
  }

  read(expr: AlertExpr, projectId: string | null, at: Date): Promise<Sample[]> {
    const since = new Date(at.getTime() - windowMs(expr));
    switch (expr.signal) {
      case 'workflow.failure_rate':
      case 'workflow.duration_max_seconds':
        return this.workflows(expr, projectId, since, at);
      case 'workflow.task_retries':
        return this.taskRetries(expr, projectId, since, at);
      case 'data.checks_failed':
        return this.checks(expr, projectId, since, at);
      case 'model.staleness_days':
        return this.models(expr, projectId, at);
      case 'bus.consumer_lag':
        return this.busLag.read(expr.filter.group);
      case 'bus.outbox_backlog':
        return this.outboxBacklog.read(expr.filter.context);
      case 'queue.depth':
        return this.queueDepth.read(expr.filter.queue);
      case 'prediction.error_rate':
      case 'prediction.latency_p99_seconds':
        return this.predictions.read(expr, projectId, since, at);
    }
  }

  private async workflows(expr: AlertExpr, projectId: string | null, since: Date, at: Date): Promise<Sample[]> {
    const value =
      expr.signal === 'workflow.failure_rate'
        ? "count(*) FILTER (WHERE outcome = 'failed')::float8 / count(*)"
        : 'coalesce(max(extract(epoch FROM finished_at - started_at)), 0)::float8';
    const rows: WorkflowRow[] = await this.scope.manager().query(
      `SELECT project_id, workflow_id, ${value} AS value,
         (array_agg(run_id ORDER BY finished_at DESC) FILTER (WHERE outcome = 'failed'))[1:${MAX_LINEAGE}] AS failed_runs
       FROM monitoring.workflow_run_outcomes
       WHERE outcome IN ('succeeded', 'failed') AND finished_at > $1 AND finished_at <= $2
         AND ($3::uuid IS NULL OR project_id = $3) AND ($4::uuid IS NULL OR workflow_id = $4)
       GROUP BY project_id, workflow_id`,
      [since, at, projectId, uuidFilter(expr.filter.workflowId)],
    );
    return rows.map((row) => ({
      projectId: row.project_id,
      labels: { workflowId: row.workflow_id },
      value: row.value,
      lineage: (row.failed_runs ?? []).map((id) => ({ type: 'workflow-run', id })),
    }));
  }

  private async taskRetries(expr: AlertExpr, projectId: string | null, since: Date, at: Date): Promise<Sample[]> {
    const rows: TaskRetryRow[] = await this.scope.manager().query(
      `SELECT project_id, workflow_id, task_id, sum(attempts - 1)::int AS value,
         (array_agg(DISTINCT run_id) FILTER (WHERE attempts > 1))[1:${MAX_LINEAGE}] AS retried_runs
       FROM monitoring.task_run_attempts
       WHERE finished_at > $1 AND finished_at <= $2
         AND ($3::uuid IS NULL OR project_id = $3) AND ($4::uuid IS NULL OR workflow_id = $4)
         AND ($5::text IS NULL OR task_id = $5)
       GROUP BY project_id, workflow_id, task_id`,
      [since, at, projectId, uuidFilter(expr.filter.workflowId), expr.filter.taskId ?? null],
    );
    return rows.map((row) => ({
      projectId: row.project_id,
      labels: { workflowId: row.workflow_id, taskId: row.task_id },
      value: row.value,
      lineage: (row.retried_runs ?? []).map((id) => ({ type: 'workflow-run', id })),
    }));
  }

  private async checks(expr: AlertExpr, projectId: string | null, since: Date, at: Date): Promise<Sample[]> {
    const rows: CheckRow[] = await this.scope.manager().query(
      `SELECT project_id, dataset_id, version_id, count(*)::int AS value,
         (array_agg(check_result_id))[1:${MAX_LINEAGE}] AS check_result_ids
       FROM monitoring.data_check_failures, unnest(check_result_ids) AS check_result_id
       WHERE occurred_at > $1 AND occurred_at <= $2
         AND ($3::uuid IS NULL OR project_id = $3) AND ($4::uuid IS NULL OR dataset_id = $4)
       GROUP BY project_id, dataset_id, version_id`,
      [since, at, projectId, uuidFilter(expr.filter.datasetId)],
    );
    return rows.map((row) => ({
      projectId: row.project_id,
      labels: { datasetId: row.dataset_id, versionId: row.version_id },
      value: row.value,
      lineage: [
        { type: 'dataset-version', id: row.version_id },
        ...row.check_result_ids.map((id) => ({ type: 'check-result', id })),
      ],
    }));
  }

  private async models(expr: AlertExpr, projectId: string | null, at: Date): Promise<Sample[]> {
    const rows: ModelRow[] = await this.scope.manager().query(
      `SELECT project_id, model_id,
         extract(epoch FROM $1::timestamptz - coalesce(last_approved_at, registered_at))::float8 * 1000 / ${DAY_MS} AS value
       FROM monitoring.model_freshness
       WHERE ($2::uuid IS NULL OR project_id = $2) AND ($3::uuid IS NULL OR model_id = $3)`,
      [at, projectId, uuidFilter(expr.filter.modelId)],
    );
    return rows.map((row) => ({
      projectId: row.project_id,
      labels: { modelId: row.model_id },
      value: row.value,
      lineage: [],
    }));
  }
}

/** A filter that is no UUID can match no row: the all-zero id stands for it. */
function uuidFilter(value: string | undefined): string | null {
  if (value === undefined) return null;
  return isUuid(value) ? value : '00000000-0000-0000-0000-000000000000';
}
