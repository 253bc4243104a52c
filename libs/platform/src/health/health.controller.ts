import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RedisConnections } from '../redis/redis-connections.js';
import { Public } from '../http/public.decorator.js';
import { ApiProblem } from '../openapi/problem-responses.js';
import { READINESS_CHECK_DEADLINE_MS, withinDeadline } from './check-deadline.js';
import { HEALTH_RESULT_SCHEMA } from './health-result.schema.js';
import { ReadinessRegistry, type ReadinessCheck } from './readiness-registry.js';
import { StartupState } from './startup-state.js';

// Documented here rather than by terminus: its 503 schema is not what the problem filter sends.
const PROBE_OPTIONS = { noCache: true, swaggerDocumentation: false };

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
  @HealthCheck(PROBE_OPTIONS)
  @ApiOperation({ summary: 'Liveness: the process answers (nothing else is checked)' })
  @ApiOkResponse({ description: 'Every check passed', schema: HEALTH_RESULT_SCHEMA })
  @ApiProblem(503, 'The process is shutting down')
  live() {
    return this.health.check([]);
  }

  @Get('startup')
  @HealthCheck(PROBE_OPTIONS)
  @ApiOperation({ summary: 'Start-up: the process has started and no migration is pending' })
  @ApiOkResponse({ description: 'Every check passed', schema: HEALTH_RESULT_SCHEMA })
  @ApiProblem(503, 'Still starting, or migrations are pending')
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
  @HealthCheck(PROBE_OPTIONS)
  @ApiOperation({ summary: 'Readiness: PostgreSQL, Redis, the outbox backlog and consumer lag are fine' })
  @ApiOkResponse({ description: 'Every check passed', schema: HEALTH_RESULT_SCHEMA })
  @ApiProblem(503, 'A dependency is down or behind')
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
