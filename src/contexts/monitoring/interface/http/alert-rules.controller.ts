import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem, PageQuery } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { CreateAlertRuleHandler } from '../../application/create-alert-rule/create-alert-rule.handler.js';
import { DeleteAlertRuleHandler } from '../../application/delete-alert-rule/delete-alert-rule.handler.js';
import { GetAlertRuleHandler } from '../../application/get-alert-rule/get-alert-rule.handler.js';
import { ListAlertRulesHandler } from '../../application/list-alert-rules/list-alert-rules.handler.js';
import { ProjectOfAlertRule } from '../../application/ports/project-of-alerting.js';
import { UpdateAlertRuleHandler } from '../../application/update-alert-rule/update-alert-rule.handler.js';
import { CreateAlertRuleRequest, UpdateAlertRuleRequest } from './dto/alert-rule.request.js';
import { AlertRulePageResponse, AlertRuleResponse } from './dto/alert-rule.response.js';

const ofRule = { resource: { resolver: ProjectOfAlertRule, param: 'ruleId' } };
const INVALID_RULE = 'An expression outside the signal catalogue, a bad duration, label or severity';

/** A project's alert rules; the global ones are under GlobalAlertRulesController. */
@ApiTags('monitoring')
@Controller()
export class AlertRulesController {
  constructor(
    private readonly creating: CreateAlertRuleHandler,
    private readonly listing: ListAlertRulesHandler,
    private readonly reading: GetAlertRuleHandler,
    private readonly updating: UpdateAlertRuleHandler,
    private readonly deleting: DeleteAlertRuleHandler,
  ) {}

  @Post('projects/:projectId/alert-rules')
  @RequirePermission('monitoring:write')
  @ApiOperation({ summary: "Create an alert rule over the project's signals; it is evaluated from the next round" })
  @ApiCreatedResponse({ type: AlertRuleResponse })
  @ApiProblem(400, INVALID_RULE)
  async create(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: CreateAlertRuleRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AlertRuleResponse> {
    return AlertRuleResponse.of(await this.creating.execute({ ...body, projectId, actorId: principal.userId }));
  }

  @Get('projects/:projectId/alert-rules')
  @RequirePermission('monitoring:read')
  @ApiOperation({ summary: "The project's alert rules, oldest first" })
  @ApiOkResponse({ type: AlertRulePageResponse })
  async list(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Query() page: PageQuery,
  ): Promise<AlertRulePageResponse> {
    return AlertRulePageResponse.of(await this.listing.execute({ projectId, limit: page.limit, cursor: page.cursor }));
  }

  @Get('alert-rules/:ruleId')
  @RequirePermission('monitoring:read', ofRule)
  @ApiOperation({ summary: 'A project alert rule' })
  @ApiOkResponse({ type: AlertRuleResponse })
  async get(@Param('ruleId', new ParseUUIDPipe()) ruleId: string): Promise<AlertRuleResponse> {
    return AlertRuleResponse.of(await this.reading.execute({ ruleId, global: false }));
  }

  @Patch('alert-rules/:ruleId')
  @RequirePermission('monitoring:write', ofRule)
  @ApiOperation({ summary: 'Change a project alert rule; its alerts follow the new condition from the next round' })
  @ApiOkResponse({ type: AlertRuleResponse })
  @ApiProblem(400, INVALID_RULE)
  async update(
    @Param('ruleId', new ParseUUIDPipe()) ruleId: string,
    @Body() body: UpdateAlertRuleRequest,
  ): Promise<AlertRuleResponse> {
    return AlertRuleResponse.of(await this.updating.execute({ ...body, ruleId, global: false }));
  }

  @Delete('alert-rules/:ruleId')
  @HttpCode(204)
  @RequirePermission('monitoring:write', ofRule)
  @ApiOperation({ summary: 'Delete a project alert rule and its current alerts; their history stays' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async delete(@Param('ruleId', new ParseUUIDPipe()) ruleId: string): Promise<void> {
    await this.deleting.execute({ ruleId, global: false });
  }
}
