import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RedisConnections } from '@libs/platform';

const CHANNEL = 'prediction.deployment-changed';

type Listener = (deploymentId: string | undefined) => void;

/**
 * Tells every process that a deployment changed, so each drops its copy of it (docs/adr/0502): a
 * write announces the deployment id on a Redis channel once committed, and this process's
 * listeners hear it at once and again from the channel. Best effort by design: a lost message (the
 * subscriber was disconnected) only leaves a copy until its TTL, and a reconnect tells the
 * listeners to drop everything (`undefined`), as messages may have been missed meanwhile.
 */
@Injectable()
export class DeploymentChangeSignals implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DeploymentChangeSignals.name);
  private readonly listeners: Listener[] = [];
  private subscriber?: Redis;

  constructor(private readonly redis: RedisConnections) {}

  /** Resolves once Redis confirmed the subscription, so a process serves nothing it could not hear change. */
  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.dedicatedConnection('deployment-changes');
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, deploymentId: string) => this.tell(deploymentId));
    let readyBefore = false;
    subscriber.on('ready', () => {
      if (readyBefore) this.tell(undefined);
      readyBefore = true;
    });
    try {
      await subscriber.subscribe(CHANNEL);
    } catch (error) {
      // ioredis subscribes again when it reconnects; until then copies live out their TTL.
      this.logger.warn(`not listening for deployment changes yet: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber) await this.redis.release(this.subscriber);
  }

  /** `listener` hears each changed deployment's id, or undefined when every copy may be stale. */
  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Called once the change to `deploymentId` committed. */
  announce(deploymentId: string): void {
    this.tell(deploymentId);
    this.redis.command.publish(CHANNEL, deploymentId).catch((error: Error) => {
      this.logger.warn(`could not announce the change of deployment ${deploymentId}: ${error.message}`);
    });
  }

  private tell(deploymentId: string | undefined): void {
    for (const listener of this.listeners) listener(deploymentId);
  }
}
