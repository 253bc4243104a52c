import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicWork, RedisConnections } from '@libs/platform';
import { ExpireApprovalsHandler } from '../../application/expire-approvals/expire-approvals.handler.js';
import { ReconcileRunsHandler } from '../../application/reconcile-runs/reconcile-runs.handler.js';
import { RunAdmission } from '../../application/services/run-admission.js';
import {
  WORKFLOW_ENGINE_CONFIG,
  type WorkflowEngineConfig,
} from '../../infrastructure/config/workflow-engine-config.js';

/**
 * Runs the reconciliation when the worker starts (after a crash or a Redis loss the queue may have
 * lost jobs), when Redis is back after an outage (it may have come back empty, ADR 0008), and then
 * every WORKFLOW_RECONCILE_INTERVAL_MS. Several workers may run it at once:
 * each repair happens under the run's lock and job ids are per attempt, so they do not double up.
 * Each tick also fails the approvals whose deadline passed, so deadlines hold to within one interval,
 * and starts queued runs that have a free concurrency slot (a crash between one run's end and the
 * next one's start leaves them waiting).
 */
@Injectable()
export class RunReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RunReconciler.name);
  private readonly work = new PeriodicWork(
    () => this.round(),
    (error) => this.logger.error(`reconciliation failed: ${error.message}`),
  );

  constructor(
    private readonly reconcile: ReconcileRunsHandler,
    private readonly expireApprovals: ExpireApprovalsHandler,
    private readonly admission: RunAdmission,
    @Inject(WORKFLOW_ENGINE_CONFIG) private readonly config: WorkflowEngineConfig,
    private readonly redis: RedisConnections,
  ) {}

  onApplicationBootstrap(): void {
    this.work.start(this.config.reconcileIntervalMs);
    this.redis.onReconnected(() => {
      this.logger.warn('Redis is back: reconciling runs with the queue now');
      void this.work.tick();
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.work.stop();
  }

  private async round(): Promise<void> {
    const result = await this.reconcile.execute({});
    if (result.requeued + result.reassigned > 0) this.logger.warn(`reconciled task runs: ${JSON.stringify(result)}`);
    const expired = await this.expireApprovals.execute({});
    if (expired > 0) this.logger.log(`failed ${expired} approval(s) past their deadline`);
    const started = await this.admission.startQueuedEverywhere();
    if (started > 0) this.logger.warn(`started ${started} queued run(s) that had a free slot`);
  }
}
