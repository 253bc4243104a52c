import { Injectable } from '@nestjs/common';
import { ExternalTaskLeases } from '../ports/external-task-leases.js';
import { TaskLogs } from '../ports/task-logs.js';
import { TaskAttempts } from '../services/task-attempts.js';
import type { ExternalTaskReported, ReportExternalTaskCommand } from './report-external-task.command.js';

/**
 * Applies a worker's report under its lease. The lease is checked first (an expired or superseded
 * one answers LeaseLost); the attempt it holds is then the fencing token of the run's command, so a
 * takeover that slipped in between still refuses the report (StaleAttempt).
 */
@Injectable()
export class ReportExternalTaskHandler {
  constructor(
    private readonly leases: ExternalTaskLeases,
    private readonly attempts: TaskAttempts,
    private readonly logs: TaskLogs,
  ) {}

  async execute({ taskRunId, leaseToken, report }: ReportExternalTaskCommand): Promise<ExternalTaskReported> {
    if (report.kind === 'heartbeat') return this.leases.extend(taskRunId, leaseToken);
    const held = await this.leases.held(taskRunId, leaseToken);
    const attempt = { runId: held.runId, key: held.key, attempt: held.attempt };
    if (report.kind === 'log') return void (await this.logs.append(attempt, report.lines));
    if (report.kind === 'complete') await this.attempts.complete(attempt, report.outputs);
    else await this.attempts.fail(attempt, report.error);
    await this.leases.settle(taskRunId, held.attempt);
    return undefined;
  }
}
