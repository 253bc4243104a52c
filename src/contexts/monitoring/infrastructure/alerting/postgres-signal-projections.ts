import { Injectable } from '@nestjs/common';
import { isUuid } from '@libs/ddd';
import { AmbientTransaction } from '@libs/platform';
import {
  SignalProjections,
  type ChecksFailedSignal,
  type ModelSignal,
  type RunFinishedSignal,
  type RunStartedSignal,
  type TaskFinishedSignal,
} from '../../application/ports/signal-projections.js';

/**
 * The signal tables of `monitoring`. Events may come twice or out of order (a run's outcome before
 * its start): every write is an upsert that keeps what the other event wrote. Ids that are no UUID
 * come from no contract and are dropped.
 */
@Injectable()
export class PostgresSignalProjections extends SignalProjections {
  constructor(private readonly scope: AmbientTransaction) {
    super();
  }

  async runStarted(run: RunStartedSignal): Promise<void> {
    if (!allUuids(run.runId, run.projectId, run.workflowId)) return;
    await this.scope.manager().query(
      `INSERT INTO monitoring.workflow_run_outcomes (run_id, project_id, workflow_id, started_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (run_id) DO UPDATE SET started_at = $4`,
      [run.runId, run.projectId, run.workflowId, run.at],
    );
  }

  async runFinished(run: RunFinishedSignal): Promise<void> {
    if (!allUuids(run.runId, run.projectId, run.workflowId)) return;
    await this.scope.manager().query(
      `INSERT INTO monitoring.workflow_run_outcomes (run_id, project_id, workflow_id, outcome, finished_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (run_id) DO UPDATE SET outcome = $4, finished_at = $5`,
      [run.runId, run.projectId, run.workflowId, run.outcome, run.at],
    );
  }

  async taskFinished(task: TaskFinishedSignal): Promise<void> {
    if (!allUuids(task.runId, task.projectId, task.workflowId) || !Number.isInteger(task.attempt)) return;
    // A manual retry of a failed task ends it again under a later attempt: the later end wins.
    await this.scope.manager().query(
      `INSERT INTO monitoring.task_run_attempts
         (run_id, task_run_key, project_id, workflow_id, task_id, attempts, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (run_id, task_run_key) DO UPDATE
       SET attempts = greatest(task_run_attempts.attempts, $6), finished_at = greatest(task_run_attempts.finished_at, $7)`,
      [task.runId, task.taskRunKey, task.projectId, task.workflowId, task.taskId, task.attempt, task.at],
    );
  }

  async checksFailed(failure: ChecksFailedSignal): Promise<void> {
    if (!allUuids(failure.checkRunId, failure.projectId, failure.datasetId, failure.versionId)) return;
    await this.scope.manager().query(
      `INSERT INTO monitoring.data_check_failures
         (check_run_id, project_id, dataset_id, version_id, check_result_ids, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (check_run_id) DO NOTHING`,
      [
        failure.checkRunId,
        failure.projectId,
        failure.datasetId,
        failure.versionId,
        failure.checkResultIds.filter(isUuid),
        failure.at,
      ],
    );
  }

  async modelRegistered(model: ModelSignal): Promise<void> {
    if (!allUuids(model.modelId, model.projectId)) return;
    await this.scope.manager().query(
      `INSERT INTO monitoring.model_freshness (model_id, project_id, registered_at)
       VALUES ($1, $2, $3) ON CONFLICT (model_id) DO NOTHING`,
      [model.modelId, model.projectId, model.at],
    );
  }

  async versionApproved(model: ModelSignal): Promise<void> {
    if (!allUuids(model.modelId, model.projectId)) return;
    await this.scope.manager().query(
      `INSERT INTO monitoring.model_freshness (model_id, project_id, registered_at, last_approved_at)
       VALUES ($1, $2, $3, $3) ON CONFLICT (model_id) DO UPDATE
       SET last_approved_at = greatest(model_freshness.last_approved_at, $3)`,
      [model.modelId, model.projectId, model.at],
    );
  }
}

function allUuids(...ids: unknown[]): boolean {
  return ids.every((id) => typeof id === 'string' && isUuid(id));
}
