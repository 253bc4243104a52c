import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem, PageQuery } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { CreateWebhookHandler } from '../../application/create-webhook/create-webhook.handler.js';
import { DeleteWebhookHandler } from '../../application/delete-webhook/delete-webhook.handler.js';
import { GetWebhookHandler } from '../../application/get-webhook/get-webhook.handler.js';
import { ListWebhooksHandler } from '../../application/list-webhooks/list-webhooks.handler.js';
import { ProjectOfWebhook } from '../../application/ports/project-of-webhook.js';
import { RotateWebhookSecretHandler } from '../../application/rotate-webhook-secret/rotate-webhook-secret.handler.js';
import { UpdateWebhookHandler } from '../../application/update-webhook/update-webhook.handler.js';
import { CreateWebhookRequest, UpdateWebhookRequest } from './dto/webhook.request.js';
import {
  CreatedWebhookResponse,
  WebhookPageResponse,
  WebhookResponse,
  WebhookSecretResponse,
} from './dto/webhook.response.js';

export const ofWebhook = { resource: { resolver: ProjectOfWebhook, param: 'webhookId' } };

@ApiTags('monitoring')
@Controller()
export class WebhooksController {
  constructor(
    private readonly creating: CreateWebhookHandler,
    private readonly listing: ListWebhooksHandler,
    private readonly reading: GetWebhookHandler,
    private readonly updating: UpdateWebhookHandler,
    private readonly deleting: DeleteWebhookHandler,
    private readonly rotating: RotateWebhookSecretHandler,
  ) {}

  @Post('projects/:projectId/webhooks')
  @RequirePermission('webhook:write')
  @ApiOperation({
    summary: "Subscribe an HTTPS endpoint to the project's integration events; the secret is shown once",
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponse })
  @ApiProblem(400, 'A URL the outbound policy refuses, or an event type no context publishes')
  async create(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: CreateWebhookRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedWebhookResponse> {
    const { subscription, secret } = await this.creating.execute({ ...body, projectId, actorId: principal.userId });
    return CreatedWebhookResponse.created(subscription, secret);
  }

  @Get('projects/:projectId/webhooks')
  @RequirePermission('webhook:read')
  @ApiOperation({ summary: "The project's webhooks, oldest first" })
  @ApiOkResponse({ type: WebhookPageResponse })
  async list(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Query() page: PageQuery,
  ): Promise<WebhookPageResponse> {
    return WebhookPageResponse.of(await this.listing.execute({ projectId, limit: page.limit, cursor: page.cursor }));
  }

  @Get('webhooks/:webhookId')
  @RequirePermission('webhook:read', ofWebhook)
  @ApiOperation({ summary: 'A webhook (without its secret)' })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiProblem(404, 'No such webhook visible to the caller')
  async get(@Param('webhookId', new ParseUUIDPipe()) webhookId: string): Promise<WebhookResponse> {
    return WebhookResponse.of(await this.reading.execute({ webhookId }));
  }

  @Patch('webhooks/:webhookId')
  @RequirePermission('webhook:write', ofWebhook)
  @ApiOperation({ summary: "Change a webhook's URL, event types, description or active flag" })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiProblem(400, 'A URL the outbound policy refuses, or an event type no context publishes')
  @ApiProblem(404, 'No such webhook visible to the caller')
  async update(
    @Param('webhookId', new ParseUUIDPipe()) webhookId: string,
    @Body() body: UpdateWebhookRequest,
  ): Promise<WebhookResponse> {
    return WebhookResponse.of(await this.updating.execute({ ...body, webhookId }));
  }

  @Delete('webhooks/:webhookId')
  @HttpCode(204)
  @RequirePermission('webhook:write', ofWebhook)
  @ApiOperation({ summary: 'Delete a webhook with its deliveries; pending ones are not sent' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(404, 'No such webhook visible to the caller')
  async delete(@Param('webhookId', new ParseUUIDPipe()) webhookId: string): Promise<void> {
    await this.deleting.execute({ webhookId });
  }

  @Post('webhooks/:webhookId/secret')
  @HttpCode(200)
  @RequirePermission('webhook:write', ofWebhook)
  @ApiOperation({ summary: 'Replace the signing secret; the new one is shown once and signs every later attempt' })
  @ApiOkResponse({ type: WebhookSecretResponse })
  @ApiProblem(404, 'No such webhook visible to the caller')
  async rotateSecret(@Param('webhookId', new ParseUUIDPipe()) webhookId: string): Promise<WebhookSecretResponse> {
    return WebhookSecretResponse.of(await this.rotating.execute({ webhookId }));
  }
}
