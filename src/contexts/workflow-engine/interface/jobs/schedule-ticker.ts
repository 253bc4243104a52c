import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicWork } from '@libs/platform';
import { FireSchedulesHandler } from '../../application/fire-schedules/fire-schedules.handler.js';
import {
  WORKFLOW_ENGINE_CONFIG,
  type WorkflowEngineConfig,
} from '../../infrastructure/config/workflow-engine-config.js';

/**
 * Fires due schedules every WORKFLOW_SCHEDULE_POLL_MS, in every worker: a due schedule is claimed by
 * one of them (its row is locked, the others skip it), and each slot's run has an idempotency key,
 * so more workers never fire a slot twice (docs/adr/0206). The first tick runs at start, which is
 * when slots missed while no worker ran are caught up.
 */
@Injectable()
export class ScheduleTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduleTicker.name);
  private readonly work = new PeriodicWork(
    async () => void (await this.firing.execute({})),
    (error) => this.logger.error(`firing schedules failed: ${error.message}`),
  );

  constructor(
    private readonly firing: FireSchedulesHandler,
    @Inject(WORKFLOW_ENGINE_CONFIG) private readonly config: WorkflowEngineConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.work.start(this.config.schedulePollMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.work.stop();
  }
}
