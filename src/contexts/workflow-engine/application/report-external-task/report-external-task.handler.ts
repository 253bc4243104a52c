import { Injectable } from '@nestjs/common';
import { CompleteTaskCommand } from '../complete-task/complete-task.command.js';
import { CompleteTaskHandler } from '../complete-task/complete-task.handler.js';
import { FailTaskCommand } from '../fail-task/fail-task.command.js';
import { FailTaskHandler } from '../fail-task/fail-task.handler.js';
import { ExternalTaskLeases } from '../ports/external-task-leases.js';
import { TaskLogs } from '../ports/task-logs.js';
import type { ReportExternalTaskCommand } from './report-external-task.command.js';

/**
 * Applies a worker's report under its lease. The lease is checked first (an expired or superseded
 * one answers LeaseLost); the attempt it holds is then the fencing token of the run's command, so a
 * takeover that slipped in between still refuses the report (StaleAttempt).
 */
@Injectable()
export class ReportExternalTaskHandler {
  constructor(
    private readonly leases: ExternalTaskLeases,
    private readonly complete: CompleteTaskHandler,
    private readonly fail: FailTaskHandler,
    private readonly logs: TaskLogs,
  ) {}

  /** Answers the lease's new end for a heartbeat, nothing for the other reports. */
  async execute({ taskRunId, leaseToken, report }: ReportExternalTaskCommand): Promise<Date | undefined> {
    if (report.kind === 'heartbeat') return this.leases.extend(taskRunId, leaseToken);
    const held = await this.leases.held(taskRunId, leaseToken);
    const attempt = { runId: held.runId, key: held.key, attempt: held.attempt };
    if (report.kind === 'log') return void (await this.logs.append(attempt, report.lines));
    if (report.kind === 'complete') await this.complete.execute(new CompleteTaskCommand(attempt, report.outputs));
    else await this.fail.execute(new FailTaskCommand(attempt, report.error));
    await this.leases.settle(taskRunId, held.attempt);
    return undefined;
  }
}
