import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { CreateInhibitionRuleHandler } from '../../application/create-inhibition-rule/create-inhibition-rule.handler.js';
import { DeleteInhibitionRuleHandler } from '../../application/delete-inhibition-rule/delete-inhibition-rule.handler.js';
import { ListInhibitionRulesHandler } from '../../application/list-inhibition-rules/list-inhibition-rules.handler.js';
import {
  CreateInhibitionRuleRequest,
  InhibitionRuleListResponse,
  InhibitionRuleResponse,
} from './dto/inhibition-rule.dto.js';

/** A project's inhibition rules: firing alerts that mute the notifications of others. */
@ApiTags('monitoring')
@Controller('projects/:projectId/inhibition-rules')
export class InhibitionRulesController {
  constructor(
    private readonly creating: CreateInhibitionRuleHandler,
    private readonly listing: ListInhibitionRulesHandler,
    private readonly deleting: DeleteInhibitionRuleHandler,
  ) {}

  @Post()
  @RequirePermission('monitoring:write')
  @ApiOperation({ summary: 'While a source alert fires, mute the target alerts sharing its `equal` labels' })
  @ApiCreatedResponse({ type: InhibitionRuleResponse })
  @ApiProblem(400, 'Empty or bad matchers, or bad label names')
  async create(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: CreateInhibitionRuleRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InhibitionRuleResponse> {
    return InhibitionRuleResponse.of(await this.creating.execute({ ...body, projectId, actorId: principal.userId }));
  }

  @Get()
  @RequirePermission('monitoring:read')
  @ApiOperation({ summary: "The project's inhibition rules" })
  @ApiOkResponse({ type: InhibitionRuleListResponse })
  async list(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<InhibitionRuleListResponse> {
    return InhibitionRuleListResponse.of(await this.listing.execute({ projectId }));
  }

  @Delete(':ruleId')
  @HttpCode(204)
  @RequirePermission('monitoring:write')
  @ApiOperation({ summary: 'Delete an inhibition rule' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async delete(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Param('ruleId', new ParseUUIDPipe()) ruleId: string,
  ): Promise<void> {
    await this.deleting.execute({ projectId, ruleId });
  }
}
