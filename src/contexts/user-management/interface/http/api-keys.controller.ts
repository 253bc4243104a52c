import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import type { FastifyRequest } from 'fastify';
import { CreateApiKeyHandler } from '../../application/create-api-key/create-api-key.handler.js';
import { ListApiKeysHandler } from '../../application/list-api-keys/list-api-keys.handler.js';
import { RevokeApiKeyHandler } from '../../application/revoke-api-key/revoke-api-key.handler.js';
import { CurrentPrincipal, type Principal } from '../../contracts/principal.js';
import { clientIp } from './client.js';
import { ApiKeyResponse, CreateApiKeyRequest, CreatedApiKeyResponse, ListApiKeysRequest } from './dto/api-key.dto.js';

@ApiTags('user-management')
@Controller('api-keys')
export class ApiKeysController {
  constructor(
    private readonly create: CreateApiKeyHandler,
    private readonly list: ListApiKeysHandler,
    private readonly revoke: RevokeApiKeyHandler,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the key is in this response only' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  async createKey(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApiKeyRequest,
    @Req() request: FastifyRequest,
  ): Promise<CreatedApiKeyResponse> {
    const created = await this.create.execute({
      actorId: principal.userId,
      actorIsAdmin: principal.isAdmin,
      projectId: body.projectId,
      name: body.name,
      permissions: body.permissions,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      serviceAccountId: body.serviceAccountId,
      ip: clientIp(request),
    });
    return CreatedApiKeyResponse.created(created.key, created.secret);
  }

  @Get()
  @ApiOperation({ summary: "My API keys, or a service account's keys in the projects I administer" })
  @ApiOkResponse({ type: [ApiKeyResponse] })
  async listKeys(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListApiKeysRequest,
  ): Promise<ApiKeyResponse[]> {
    const keys = await this.list.execute({
      actorId: principal.userId,
      actorIsAdmin: principal.isAdmin,
      serviceAccountId: query.serviceAccountId,
    });
    return keys.map((key) => ApiKeyResponse.of(key));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblem(404, 'No such API key visible to me')
  async revokeKey(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.revoke.execute({
      actorId: principal.userId,
      actorIsAdmin: principal.isAdmin,
      keyId: id,
      ip: clientIp(request),
    });
  }
}
