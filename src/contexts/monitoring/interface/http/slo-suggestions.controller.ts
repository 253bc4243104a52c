import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { AcceptSloSuggestionHandler } from '../../application/accept-slo-suggestion/accept-slo-suggestion.handler.js';
import { SuggestSloRulesHandler } from '../../application/suggest-slo-rules/suggest-slo-rules.handler.js';
import {
  AcceptedSloSuggestionResponse,
  AcceptSloSuggestionRequest,
  SloSuggestionListResponse,
} from './dto/slo-suggestion.dto.js';

/** Service-level rule sets suggested from what the project runs, accepted with one call. */
@ApiTags('monitoring')
@Controller('projects/:projectId/slo-suggestions')
export class SloSuggestionsController {
  constructor(
    private readonly suggesting: SuggestSloRulesHandler,
    private readonly accepting: AcceptSloSuggestionHandler,
  ) {}

  @Get()
  @RequirePermission('monitoring:read')
  @ApiOperation({
    summary: 'For each deployment and scheduled workflow: availability, p99 latency or success rate rules to accept',
  })
  @ApiOkResponse({ type: SloSuggestionListResponse })
  async list(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<SloSuggestionListResponse> {
    return SloSuggestionListResponse.of(await this.suggesting.execute({ projectId }));
  }

  @Post('accept')
  @RequirePermission('monitoring:write')
  @ApiOperation({
    summary: "Create one subject's suggested rules; rules the project already has are kept, not doubled",
  })
  @ApiCreatedResponse({ type: AcceptedSloSuggestionResponse })
  async accept(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: AcceptSloSuggestionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AcceptedSloSuggestionResponse> {
    return AcceptedSloSuggestionResponse.of(
      await this.accepting.execute({ projectId, ...body, actorId: principal.userId }),
    );
  }
}
