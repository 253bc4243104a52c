import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DeliverOpenLineageEventsHandler } from '../../application/deliver-openlineage-events/deliver-openlineage-events.handler.js';
import { OpenLineageSettings } from '../../application/ports/openlineage-endpoint.js';

const BATCH = 20;

/**
 * Runs delivery passes while forwarding is on, in worker processes: at once again after a full
 * batch, else after the poll interval. Any number of workers may run it; claims keep them apart.
 */
@Injectable()
export class OpenLineageDeliveryLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OpenLineageDeliveryLoop.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly delivering: DeliverOpenLineageEventsHandler,
    private readonly settings: OpenLineageSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.enabled) return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let full = false;
      try {
        full = (await this.delivering.execute({ limit: BATCH })).claimed === BATCH;
      } catch (error) {
        this.logger.warn(`OpenLineage delivery pass failed: ${String(error)}`);
      }
      if (!full) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.settings.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
