import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, PageQuery } from '@libs/platform';
import { RequirePermission } from '@contexts/user-management';
import { ListAlertHistoryHandler } from '../../application/list-alert-history/list-alert-history.handler.js';
import { ListCurrentAlertsHandler } from '../../application/list-current-alerts/list-current-alerts.handler.js';
import { ProjectOfAlert } from '../../application/ports/project-of-alerting.js';
import { AlertHistoryQuery, CurrentAlertsQuery } from './dto/alert-history.query.js';
import { AlertHistoryResponse, AlertListResponse } from './dto/alert.response.js';

/** Current alerts and the history of every transition, per project; platform-wide history for admins. */
@ApiTags('monitoring')
@Controller()
export class AlertsController {
  constructor(
    private readonly current: ListCurrentAlertsHandler,
    private readonly history: ListAlertHistoryHandler,
    private readonly projectOfAlert: ProjectOfAlert,
  ) {}

  @Get('projects/:projectId/alerts')
  @RequirePermission('monitoring:read')
  @ApiOperation({ summary: "The project's alerts, newest change first: one state, or all but inactive" })
  @ApiOkResponse({ type: AlertListResponse })
  async list(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Query() query: CurrentAlertsQuery,
  ): Promise<AlertListResponse> {
    return AlertListResponse.of(await this.current.execute({ projectId, state: query.state }));
  }

  @Get('projects/:projectId/alert-history')
  @RequirePermission('monitoring:read')
  @ApiOperation({ summary: "Every transition of the project's alerts, oldest first, with values and lineage nodes" })
  @ApiOkResponse({ type: AlertHistoryResponse })
  async projectHistory(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Query() query: AlertHistoryQuery,
  ): Promise<AlertHistoryResponse> {
    return AlertHistoryResponse.of(await this.history.execute({ projectId, ...historyFilter(query) }));
  }

  @Get('alerts/:alertId/history')
  @RequirePermission('monitoring:read', { resource: { resolver: ProjectOfAlert, param: 'alertId' } })
  @ApiOperation({ summary: 'Every transition of one alert, oldest first' })
  @ApiOkResponse({ type: AlertHistoryResponse })
  async alertHistory(
    @Param('alertId', new ParseUUIDPipe()) alertId: string,
    @Query() page: PageQuery,
  ): Promise<AlertHistoryResponse> {
    const projectId = await this.projectOfAlert.projectOf(alertId);
    return AlertHistoryResponse.of(
      await this.history.execute({ projectId: projectId ?? null, alertId, limit: page.limit, cursor: page.cursor }),
    );
  }

  @Get('alert-history')
  @AdminOnly()
  @ApiOperation({ summary: 'Every transition of platform-wide alerts (global rules over the bus), oldest first' })
  @ApiOkResponse({ type: AlertHistoryResponse })
  async platformHistory(@Query() query: AlertHistoryQuery): Promise<AlertHistoryResponse> {
    return AlertHistoryResponse.of(await this.history.execute({ projectId: null, ...historyFilter(query) }));
  }
}

function historyFilter(query: AlertHistoryQuery) {
  return {
    ruleId: query.rule,
    from: query.from === undefined ? undefined : new Date(query.from),
    to: query.to === undefined ? undefined : new Date(query.to),
    limit: query.limit,
    cursor: query.cursor,
  };
}
