import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
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
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly firing: FireSchedulesHandler,
    @Inject(WORKFLOW_ENGINE_CONFIG) private readonly config: WorkflowEngineConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.config.schedulePollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Fires what is due unless the previous tick is still going. */
  tick(): Promise<void> {
    this.running ??= this.firing
      .execute()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`firing schedules failed: ${(error as Error).message}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
