import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '@libs/platform';
import { RequirePermission } from '@contexts/user-management';
import { GetMonitoringStatusHandler } from '../../application/get-monitoring-status/get-monitoring-status.handler.js';
import { MonitoringStatusResponse } from './dto/monitoring-status.response.js';

/** The one-page summary: a project's, and the administrators' over the whole platform. */
@ApiTags('monitoring')
@Controller()
export class MonitoringStatusController {
  constructor(private readonly status: GetMonitoringStatusHandler) {}

  @Get('projects/:projectId/monitoring/status')
  @RequirePermission('monitoring:read')
  @ApiOperation({
    summary: "The project's firing alerts, failing workflows and serving variants, with the platform's bus and queues",
  })
  @ApiOkResponse({ type: MonitoringStatusResponse })
  async project(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<MonitoringStatusResponse> {
    return MonitoringStatusResponse.of(await this.status.execute({ projectId }));
  }

  @Get('monitoring/status')
  @AdminOnly()
  @ApiOperation({ summary: 'Every project’s firing alerts and failing workflows, lagging consumers, queues, outboxes' })
  @ApiOkResponse({ type: MonitoringStatusResponse })
  async platform(): Promise<MonitoringStatusResponse> {
    return MonitoringStatusResponse.of(await this.status.execute({ projectId: null }));
  }
}
