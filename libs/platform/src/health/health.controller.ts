import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RedisConnections } from '../redis/redis-connections.js';
import { Public } from '../http/public.decorator.js';
import { ApiProblem } from '../openapi/problem-responses.js';
import { HEALTH_RESULT_SCHEMA } from './health-result.schema.js';
import { ReadinessRegistry } from './readiness-registry.js';
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

  @Get('ready')
  @HealthCheck(PROBE_OPTIONS)
  @ApiOperation({ summary: 'Readiness: PostgreSQL, Redis, the outbox backlog and consumer lag are fine' })
  @ApiOkResponse({ description: 'Every check passed', schema: HEALTH_RESULT_SCHEMA })
  @ApiProblem(503, 'A dependency is down or behind')
  ready() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { connection: this.dataSource, timeout: 2000 }),
      () => this.pingRedis(),
      ...this.readiness.entries().map(([name, check]) => async () => {
        const result = await check();
        const indicator = this.indicator.check(name);
        return result.healthy ? indicator.up(result.details) : indicator.down(result.details);
      }),
    ]);
  }

  private async pingRedis() {
    const check = this.indicator.check('redis');
    try {
      await this.redis.command.ping();
      return check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }
}
