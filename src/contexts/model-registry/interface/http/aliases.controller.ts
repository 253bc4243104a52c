import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import type { FastifyReply } from 'fastify';
import { NotFoundError, ValidationError } from '@libs/ddd';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { GetModelHandler } from '../../application/get-model/get-model.handler.js';
import { MoveAliasHandler } from '../../application/move-alias/move-alias.handler.js';
import { RemoveAliasHandler } from '../../application/remove-alias/remove-alias.handler.js';
import { ResolveAliasHandler } from '../../application/resolve-alias/resolve-alias.handler.js';
import { parseModelReference } from '../../domain/names.js';
import { ProjectOfModel } from '../../application/ports/project-of-model.js';
import { AliasResponse, MoveAliasRequest } from './dto/alias.dto.js';
import { ResolveQuery } from './dto/list.query.js';
import { ModelVersionResponse } from './dto/model-version.response.js';
import { expectedVersion, versionTag } from './if-match.js';

const ofModel = { resource: { resolver: ProjectOfModel, param: 'modelId' } };

@ApiTags('model-registry')
@Controller()
export class AliasesController {
  constructor(
    private readonly move: MoveAliasHandler,
    private readonly removal: RemoveAliasHandler,
    private readonly resolver: ResolveAliasHandler,
    private readonly models: GetModelHandler,
  ) {}

  @Get('models/:modelId/aliases')
  @RequirePermission('model:read', ofModel)
  @ApiOperation({ summary: "A model's aliases and the versions they point at" })
  @ApiOkResponse({ type: [AliasResponse] })
  async list(@Param('modelId', new ParseUUIDPipe()) modelId: string): Promise<AliasResponse[]> {
    return (await this.models.execute({ modelId })).aliases.map((alias) => AliasResponse.of(alias));
  }

  @Put('models/:modelId/aliases/:alias')
  @RequirePermission('model:write', ofModel)
  @ApiOperation({
    summary: 'Point an alias at a version',
    description:
      'Without If-Match the alias is created (409 if it exists); with If-Match: "<version>" it moves only from that ' +
      'version (412 otherwise). Protection and the promotion policy are checked first (409 with the failed rules).',
  })
  @ApiOkResponse({ type: AliasResponse })
  @ApiProblem(409, 'The alias exists (without If-Match), is protected, or the promotion policy refused the version')
  @ApiProblem(412, 'The alias moved on from the If-Match version')
  async moveAlias(
    @Param('modelId', new ParseUUIDPipe()) modelId: string,
    @Param('alias') alias: string,
    @Body() body: MoveAliasRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AliasResponse> {
    const moved = await this.move.execute({
      modelId,
      alias,
      versionId: body.versionId,
      expectedVersion: expectedVersion(ifMatch),
      actorId: principal.userId,
    });
    void reply.header('etag', versionTag(moved.version));
    return AliasResponse.of(moved);
  }

  @Delete('models/:modelId/aliases/:alias')
  @HttpCode(204)
  @RequirePermission('model:write', ofModel)
  @ApiOperation({ summary: 'Remove an alias still at the If-Match version' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblem(412, 'The alias moved on from the If-Match version')
  async remove(
    @Param('modelId', new ParseUUIDPipe()) modelId: string,
    @Param('alias') alias: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    const version = expectedVersion(ifMatch);
    if (version === undefined) {
      throw new ValidationError('Removing an alias needs If-Match', [{ field: 'If-Match', message: 'required' }]);
    }
    await this.removal.execute({ modelId, alias, expectedVersion: version });
  }

  @Get('projects/:projectId/models/resolve')
  @RequirePermission('model:read')
  @ApiOperation({ summary: 'The version name@alias names now, in one call' })
  @ApiOkResponse({ type: ModelVersionResponse })
  async resolve(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Query() query: ResolveQuery,
  ): Promise<ModelVersionResponse> {
    const { modelName, alias } = parseModelReference(query.ref);
    const resolved = await this.resolver.execute({ projectId, modelName, alias });
    if (!resolved) throw new NotFoundError('Alias', `${modelName}@${alias}`);
    return ModelVersionResponse.of(resolved.version);
  }
}
