import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem, PageQuery } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { ListWebhookDeliveriesHandler } from '../../application/list-webhook-deliveries/list-webhook-deliveries.handler.js';
import { SendTestDeliveryHandler } from '../../application/send-test-delivery/send-test-delivery.handler.js';
import { WebhookDeliveryPageResponse, WebhookDeliveryResponse } from './dto/webhook-delivery.response.js';
import { ofWebhook } from './webhooks.controller.js';

@ApiTags('monitoring')
@Controller()
export class WebhookDeliveriesController {
  constructor(
    private readonly testing: SendTestDeliveryHandler,
    private readonly listing: ListWebhookDeliveriesHandler,
  ) {}

  @Post('webhooks/:webhookId/test')
  @HttpCode(202)
  @RequirePermission('webhook:write', ofWebhook)
  @ApiOperation({ summary: 'Send a monitoring.webhook.test.v1 ping through the same delivery path as events' })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponse })
  @ApiProblem(404, 'No such webhook visible to the caller')
  @ApiProblem(409, 'The webhook’s signing secret cannot be read (its key is no longer configured); rotate it first')
  @ApiProblem(503, 'The webhook’s server failed too often lately and its circuit breaker is open; see Retry-After')
  async test(
    @Param('webhookId', new ParseUUIDPipe()) webhookId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookDeliveryResponse> {
    return WebhookDeliveryResponse.of(await this.testing.execute({ webhookId, actorId: principal.userId }));
  }

  @Get('webhooks/:webhookId/deliveries')
  @RequirePermission('webhook:read', ofWebhook)
  @ApiOperation({ summary: "The webhook's deliveries, newest first, each with every attempt" })
  @ApiOkResponse({ type: WebhookDeliveryPageResponse })
  @ApiProblem(404, 'No such webhook visible to the caller')
  async list(
    @Param('webhookId', new ParseUUIDPipe()) webhookId: string,
    @Query() page: PageQuery,
  ): Promise<WebhookDeliveryPageResponse> {
    return WebhookDeliveryPageResponse.of(
      await this.listing.execute({ webhookId, limit: page.limit, cursor: page.cursor }),
    );
  }
}
