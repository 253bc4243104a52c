import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem, PageQuery } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { CreateAlertRouteHandler } from '../../application/create-alert-route/create-alert-route.handler.js';
import { CreateSilenceHandler } from '../../application/create-silence/create-silence.handler.js';
import { DeleteAlertRouteHandler } from '../../application/delete-alert-route/delete-alert-route.handler.js';
import { ExpireSilenceHandler } from '../../application/expire-silence/expire-silence.handler.js';
import { ListAlertNotificationsHandler } from '../../application/list-alert-notifications/list-alert-notifications.handler.js';
import { ListAlertRoutesHandler } from '../../application/list-alert-routes/list-alert-routes.handler.js';
import { ListSilencesHandler } from '../../application/list-silences/list-silences.handler.js';
import { CreateAlertRouteRequest, CreateSilenceRequest } from './dto/alert-route.request.js';
import {
  AlertNotificationPageResponse,
  AlertRouteListResponse,
  AlertRouteResponse,
  SilenceListResponse,
  SilenceResponse,
} from './dto/alert-route.response.js';

/** Where a project's alerts are told (routes and their receivers), what mutes them, and what was sent. */
@ApiTags('monitoring')
@Controller('projects/:projectId')
export class AlertRoutingController {
  constructor(
    private readonly creatingRoute: CreateAlertRouteHandler,
    private readonly listingRoutes: ListAlertRoutesHandler,
    private readonly deletingRoute: DeleteAlertRouteHandler,
    private readonly silencing: CreateSilenceHandler,
    private readonly listingSilences: ListSilencesHandler,
    private readonly expiring: ExpireSilenceHandler,
    private readonly listingNotifications: ListAlertNotificationsHandler,
  ) {}

  @Post('alert-routes')
  @RequirePermission('monitoring:write')
  @ApiOperation({ summary: "Route the project's matching alerts, grouped, to receivers (Alertmanager timings)" })
  @ApiCreatedResponse({ type: AlertRouteResponse })
  @ApiProblem(400, 'A bad matcher, receiver, duration, or a webhook of another project')
  async createRoute(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: CreateAlertRouteRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AlertRouteResponse> {
    return AlertRouteResponse.of(await this.creatingRoute.execute({ ...body, projectId, actorId: principal.userId }));
  }

  @Get('alert-routes')
  @RequirePermission('monitoring:read')
  @ApiOperation({ summary: "The project's alert routes" })
  @ApiOkResponse({ type: AlertRouteListResponse })
  async listRoutes(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<AlertRouteListResponse> {
    return AlertRouteListResponse.of(await this.listingRoutes.execute({ projectId }));
  }

  @Delete('alert-routes/:routeId')
  @HttpCode(204)
  @RequirePermission('monitoring:write')
  @ApiOperation({ summary: 'Delete an alert route with its groups' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async deleteRoute(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Param('routeId', new ParseUUIDPipe()) routeId: string,
  ): Promise<void> {
    await this.deletingRoute.execute({ projectId, routeId });
  }

  @Post('silences')
  @RequirePermission('monitoring:write')
  @ApiOperation({ summary: 'Mute the notifications of matching alerts in a time window' })
  @ApiCreatedResponse({ type: SilenceResponse })
  @ApiProblem(400, 'No matchers, a bad matcher, or a window that ends before it starts')
  async createSilence(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: CreateSilenceRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SilenceResponse> {
    const silence = await this.silencing.execute({
      projectId,
      matchers: body.matchers,
      startsAt: body.startsAt === undefined ? undefined : new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      comment: body.comment,
      actorId: principal.userId,
    });
    return SilenceResponse.of(silence);
  }

  @Get('silences')
  @RequirePermission('monitoring:read')
  @ApiOperation({ summary: "The project's silences that have not ended" })
  @ApiOkResponse({ type: SilenceListResponse })
  async listSilences(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<SilenceListResponse> {
    return SilenceListResponse.of(await this.listingSilences.execute({ projectId }));
  }

  @Delete('silences/:silenceId')
  @HttpCode(204)
  @RequirePermission('monitoring:write')
  @ApiOperation({ summary: 'End a silence now; it stays on record' })
  @ApiNoContentResponse({ description: 'Expired' })
  async expireSilence(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Param('silenceId', new ParseUUIDPipe()) silenceId: string,
  ): Promise<void> {
    await this.expiring.execute({ projectId, silenceId });
  }

  @Get('alert-notifications')
  @RequirePermission('monitoring:read')
  @ApiOperation({ summary: 'Every notification of the project’s alert groups with its attempts, oldest first' })
  @ApiOkResponse({ type: AlertNotificationPageResponse })
  async listNotifications(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Query() page: PageQuery,
  ): Promise<AlertNotificationPageResponse> {
    return AlertNotificationPageResponse.of(
      await this.listingNotifications.execute({ projectId, limit: page.limit, cursor: page.cursor }),
    );
  }
}
