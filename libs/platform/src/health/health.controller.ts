import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RedisConnections } from '../redis/redis-connections.js';
import { Public } from '../http/public.decorator.js';
import { READINESS_CHECK_DEADLINE_MS, withinDeadline } from './check-deadline.js';
import { ReadinessRegistry, type ReadinessCheck } from './readiness-registry.js';
import { StartupState } from './startup-state.js';

@ApiTags('platform')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisConnections,
    private readonly readiness: ReadinessRegistry,
    private readonly startup: StartupState,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The process answers: nothing else is checked, so a slow dependency never restarts it. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('startup')
  @HealthCheck()
  startupProbe() {
    return this.health.check([
      async () => {
        const check = this.indicator.check('startup');
        if (!this.startup.isStarted) return check.down({ reason: 'still starting' });
        const pending = await this.dataSource.showMigrations();
        return pending ? check.down({ reason: 'migrations pending' }) : check.up();
      },
    ]);
  }

  /** Every check has a deadline, so a frozen dependency makes this answer 503 quickly, never hang. */
  @Get('ready')
  @HealthCheck()
  async ready() {
    return namingFailedChecks(
      this.health.check([
        () =>
          this.database.pingCheck('postgres', { connection: this.dataSource, timeout: READINESS_CHECK_DEADLINE_MS }),
        () =>
          this.checked('redis', async () => ({ healthy: (await this.redis.command.ping()) === 'PONG', details: {} })),
        ...this.readiness.entries().map(
          ([name, check]) =>
            () =>
              this.checked(name, check),
        ),
      ]),
    );
  }

  private async checked(name: string, check: ReadinessCheck) {
    const indicator = this.indicator.check(name);
    try {
      const result = await withinDeadline(check());
      return result.healthy ? indicator.up(result.details) : indicator.down(result.details);
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }
}

/** Terminus's 503 says only "Service Unavailable"; the problem's detail names the checks that are down. */
async function namingFailedChecks<T>(check: Promise<T>): Promise<T> {
  try {
    return await check;
  } catch (error) {
    if (!(error instanceof ServiceUnavailableException)) throw error;
    const result = error.getResponse() as { error?: Record<string, unknown> };
    const down = Object.keys(result.error ?? {});
    throw new ServiceUnavailableException({ slug: 'not-ready', detail: `Not ready: ${down.join(', ')} down` });
  }
}
