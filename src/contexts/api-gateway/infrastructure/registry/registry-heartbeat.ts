import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { v7 } from 'uuid';
import { PeriodicWork, PLATFORM_CONFIG, type PlatformConfig } from '@libs/platform';
import type { ServiceInstance } from '../../domain/service-instance.js';
import { GATEWAY_SETTINGS } from '../gateway-tokens.js';
import type { GatewaySettings } from '../gateway-settings.js';
import { RedisServiceRegistry } from './redis-service-registry.js';

/**
 * This process in the service registry: announced at start and every GATEWAY_HEARTBEAT_MS with
 * its contexts, role, URL and version, withdrawn when it stops (a killed one expires instead).
 */
@Injectable()
export class RegistryHeartbeat implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RegistryHeartbeat.name);
  readonly instanceId = v7();
  private readonly startedAt = new Date().toISOString();
  private readonly beats = new PeriodicWork(
    () => this.registry.announce(this.instance()),
    (error) => this.logger.warn(`could not announce this instance: ${error.message}`),
  );

  constructor(
    private readonly registry: RedisServiceRegistry,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  onApplicationBootstrap(): void {
    this.beats.start(this.settings.heartbeatMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.beats.stop();
    await this.registry.withdraw(this.instanceId).catch((error: Error) => {
      this.logger.warn(`could not withdraw this instance; it expires on its own: ${error.message}`);
    });
  }

  private instance(): ServiceInstance {
    return {
      id: this.instanceId,
      url: this.settings.publicUrl,
      contexts: this.config.contexts,
      role: this.config.role,
      version: this.settings.version,
      startedAt: this.startedAt,
      heartbeatAt: Date.now(),
    };
  }
}
