import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { GetModelHandler } from '../../application/get-model/get-model.handler.js';
import { ListModelsHandler } from '../../application/list-models/list-models.handler.js';
import { RegisterModelHandler } from '../../application/register-model/register-model.handler.js';
import { SetPromotionPolicyHandler } from '../../application/set-promotion-policy/set-promotion-policy.handler.js';
import { UpdateModelHandler } from '../../application/update-model/update-model.handler.js';
import type { PromotionRule } from '../../domain/promotion/promotion-rule.js';
import { ProjectOfModel } from '../../application/ports/project-of-model.js';
import { PromotionPolicyRequest, PromotionRuleResponse } from './dto/alias.dto.js';
import { ModelSearchQuery } from './dto/list.query.js';
import {
  ModelDetailResponse,
  ModelPageResponse,
  ModelResponse,
  RegisterModelRequest,
  UpdateModelRequest,
} from './dto/model.dto.js';
import { expectedVersion, versionTag } from './if-match.js';

const ofModel = { resource: { resolver: ProjectOfModel, param: 'modelId' } };

@ApiTags('model-registry')
// A model's policies are a map of rule lists, which refers to the rule's schema by name: only a
// controller can add a schema nothing names by its type.
@ApiExtraModels(PromotionRuleResponse)
@Controller()
export class ModelsController {
  constructor(
    private readonly register: RegisterModelHandler,
    private readonly listing: ListModelsHandler,
    private readonly reading: GetModelHandler,
    private readonly update: UpdateModelHandler,
    private readonly policies: SetPromotionPolicyHandler,
  ) {}

  @Post('projects/:projectId/models')
  @RequirePermission('model:write')
  @ApiOperation({ summary: 'Register a model in the project' })
  @ApiCreatedResponse({ type: ModelResponse })
  @ApiProblem(409, 'The project has a model of that name')
  async registerModel(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: RegisterModelRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModelResponse> {
    return ModelResponse.of(await this.register.execute({ ...body, projectId, actorId: principal.userId }));
  }

  @Get('projects/:projectId/models')
  @RequirePermission('model:read')
  @ApiOperation({ summary: 'Search models by name prefix, tag, alias, version status and creation time, newest first' })
  @ApiOkResponse({ type: ModelPageResponse })
  async search(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Query() query: ModelSearchQuery,
  ): Promise<ModelPageResponse> {
    const [key, ...value] = query.tag?.split('=') ?? [];
    const page = await this.listing.execute({
      projectId,
      namePrefix: query.namePrefix,
      tag: key ? { key, value: value.length > 0 ? value.join('=') : undefined } : undefined,
      alias: query.alias,
      versionStatus: query.approvalStatus,
      createdAfter: query.createdAfter,
      createdBefore: query.createdBefore,
      limit: query.limit,
      cursor: query.cursor,
    });
    return ModelPageResponse.of(page);
  }

  @Get('models/:modelId')
  @RequirePermission('model:read', ofModel)
  @ApiOperation({ summary: 'A model with its aliases and promotion policies' })
  @ApiOkResponse({ type: ModelDetailResponse })
  async get(
    @Param('modelId', new ParseUUIDPipe()) modelId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ModelDetailResponse> {
    const { model, aliases } = await this.reading.execute({ modelId });
    void reply.header('etag', versionTag(model.version));
    return ModelDetailResponse.detail(model, aliases);
  }

  @Patch('models/:modelId')
  @RequirePermission('model:write', ofModel)
  @ApiOperation({ summary: 'Change description or tags (If-Match: the model version)' })
  @ApiOkResponse({ type: ModelResponse })
  @ApiProblem(412, 'The model changed since the If-Match version')
  async change(
    @Param('modelId', new ParseUUIDPipe()) modelId: string,
    @Body() body: UpdateModelRequest,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<ModelResponse> {
    const model = await this.update.execute({ modelId, expectedVersion: expectedVersion(ifMatch), changes: body });
    return ModelResponse.of(model);
  }

  @Put('models/:modelId/promotion-policies/:alias')
  @RequirePermission('model:approve', ofModel)
  @ApiOperation({ summary: 'Protect an alias and set the rules a version must pass to take it' })
  @ApiOkResponse({ type: ModelResponse })
  @ApiProblem(412, 'The model changed since the If-Match version')
  async setPolicy(
    @Param('modelId', new ParseUUIDPipe()) modelId: string,
    @Param('alias') alias: string,
    @Body() body: PromotionPolicyRequest,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<ModelResponse> {
    const model = await this.policies.execute({
      modelId,
      alias,
      policy: { protected: body.protected ?? false, rules: body.rules as PromotionRule[] },
      expectedVersion: expectedVersion(ifMatch),
    });
    return ModelResponse.of(model);
  }
}
