import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiProblem, PageQuery } from '@libs/platform';
import { CurrentPrincipal, type Principal } from '@contexts/user-management';
import { CreateAlertRuleHandler } from '../../application/create-alert-rule/create-alert-rule.handler.js';
import { DeleteAlertRuleHandler } from '../../application/delete-alert-rule/delete-alert-rule.handler.js';
import { GetAlertRuleHandler } from '../../application/get-alert-rule/get-alert-rule.handler.js';
import { ListAlertRulesHandler } from '../../application/list-alert-rules/list-alert-rules.handler.js';
import { UpdateAlertRuleHandler } from '../../application/update-alert-rule/update-alert-rule.handler.js';
import { CreateAlertRuleRequest, UpdateAlertRuleRequest } from './dto/alert-rule.request.js';
import { AlertRulePageResponse, AlertRuleResponse } from './dto/alert-rule.response.js';

const INVALID_RULE = 'An expression outside the signal catalogue, a bad duration, label or severity';

/** Global alert rules: they watch every project (and the bus), so only administrators manage them. */
@ApiTags('monitoring')
@Controller('alert-rules')
@AdminOnly()
export class GlobalAlertRulesController {
  constructor(
    private readonly creating: CreateAlertRuleHandler,
    private readonly listing: ListAlertRulesHandler,
    private readonly reading: GetAlertRuleHandler,
    private readonly updating: UpdateAlertRuleHandler,
    private readonly deleting: DeleteAlertRuleHandler,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a global alert rule, evaluated over every project' })
  @ApiCreatedResponse({ type: AlertRuleResponse })
  @ApiProblem(400, INVALID_RULE)
  async create(
    @Body() body: CreateAlertRuleRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AlertRuleResponse> {
    return AlertRuleResponse.of(await this.creating.execute({ ...body, projectId: null, actorId: principal.userId }));
  }

  @Get()
  @ApiOperation({ summary: 'The global alert rules, oldest first' })
  @ApiOkResponse({ type: AlertRulePageResponse })
  async list(@Query() page: PageQuery): Promise<AlertRulePageResponse> {
    return AlertRulePageResponse.of(
      await this.listing.execute({ projectId: null, limit: page.limit, cursor: page.cursor }),
    );
  }

  @Get('global/:ruleId')
  @ApiOperation({ summary: 'A global alert rule' })
  @ApiOkResponse({ type: AlertRuleResponse })
  @ApiProblem(404, 'No such global rule')
  async get(@Param('ruleId', new ParseUUIDPipe()) ruleId: string): Promise<AlertRuleResponse> {
    return AlertRuleResponse.of(await this.reading.execute({ ruleId, global: true }));
  }

  @Patch('global/:ruleId')
  @ApiOperation({ summary: 'Change a global alert rule' })
  @ApiOkResponse({ type: AlertRuleResponse })
  @ApiProblem(400, INVALID_RULE)
  @ApiProblem(404, 'No such global rule')
  async update(
    @Param('ruleId', new ParseUUIDPipe()) ruleId: string,
    @Body() body: UpdateAlertRuleRequest,
  ): Promise<AlertRuleResponse> {
    return AlertRuleResponse.of(await this.updating.execute({ ...body, ruleId, global: true }));
  }

  @Delete('global/:ruleId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a global alert rule and its current alerts; their history stays' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(404, 'No such global rule')
  async delete(@Param('ruleId', new ParseUUIDPipe()) ruleId: string): Promise<void> {
    await this.deleting.execute({ ruleId, global: true });
  }
}
