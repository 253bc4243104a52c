import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { ArchiveModelVersionHandler } from '../../application/archive-model-version/archive-model-version.handler.js';
import { CreateModelVersionHandler } from '../../application/create-model-version/create-model-version.handler.js';
import { LinkServingHandler } from '../../application/link-serving/link-serving.handler.js';
import { ReviewModelVersionHandler } from '../../application/review-model-version/review-model-version.handler.js';
import { GetModelVersionHandler } from '../../application/get-model-version/get-model-version.handler.js';
import { GetModelVersionLineageHandler } from '../../application/get-model-version-lineage/get-model-version-lineage.handler.js';
import { ListModelVersionsHandler } from '../../application/list-model-versions/list-model-versions.handler.js';
import { ProjectOfModel, ProjectOfModelVersion } from '../../application/ports/project-of-model.js';
import { ModelLineageResponse } from './dto/lineage.response.js';
import { VersionListQuery } from './dto/list.query.js';
import { CreateModelVersionRequest } from './dto/model-version.request.js';
import { ModelVersionPageResponse, ModelVersionResponse } from './dto/model-version.response.js';
import { ReviewModelVersionRequest, SageMakerLinkRequest } from './dto/review.request.js';

const ofModel = { resource: { resolver: ProjectOfModel, param: 'modelId' } };
const ofVersion = { resource: { resolver: ProjectOfModelVersion } };

@ApiTags('model-registry')
@Controller()
export class ModelVersionsController {
  constructor(
    private readonly create: CreateModelVersionHandler,
    private readonly listing: ListModelVersionsHandler,
    private readonly reading: GetModelVersionHandler,
    private readonly lineages: GetModelVersionLineageHandler,
    private readonly review: ReviewModelVersionHandler,
    private readonly archiving: ArchiveModelVersionHandler,
    private readonly serving: LinkServingHandler,
  ) {}

  @Post('models/:modelId/versions')
  @RequirePermission('model:write', ofModel)
  @ApiOperation({ summary: 'Register the next version of a model; upload its artifact next' })
  @ApiCreatedResponse({ type: ModelVersionResponse })
  async createVersion(
    @Param('modelId', new ParseUUIDPipe()) modelId: string,
    @Body() body: CreateModelVersionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModelVersionResponse> {
    return ModelVersionResponse.of(await this.create.execute({ ...body, modelId, actorId: principal.userId }));
  }

  @Get('models/:modelId/versions')
  @RequirePermission('model:read', ofModel)
  @ApiOperation({ summary: "A model's versions, newest first" })
  @ApiOkResponse({ type: ModelVersionPageResponse })
  async list(
    @Param('modelId', new ParseUUIDPipe()) modelId: string,
    @Query() query: VersionListQuery,
  ): Promise<ModelVersionPageResponse> {
    return ModelVersionPageResponse.of(await this.listing.execute({ ...query, modelId }));
  }

  @Get('model-versions/:id')
  @RequirePermission('model:read', ofVersion)
  @ApiOperation({ summary: 'A model version: its status, artifact, approvals and serving link' })
  @ApiOkResponse({ type: ModelVersionResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ModelVersionResponse> {
    return ModelVersionResponse.of(await this.reading.execute({ versionId: id }));
  }

  @Post('model-versions/:id/approval')
  @HttpCode(200)
  @RequirePermission('model:approve', ofVersion)
  @ApiOperation({ summary: 'Approve or reject the version; its registrant cannot approve it (four eyes)' })
  @ApiOkResponse({ type: ModelVersionResponse })
  @ApiProblem(403, 'Needs model:approve, and someone other than the registrant (four eyes)')
  @ApiProblem(409, 'The version is not awaiting review')
  async decide(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReviewModelVersionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModelVersionResponse> {
    return ModelVersionResponse.of(await this.review.execute({ ...body, versionId: id, actorId: principal.userId }));
  }

  @Post('model-versions/:id/archive')
  @HttpCode(200)
  @RequirePermission('model:write', ofVersion)
  @ApiOperation({ summary: 'Archive the version; a version an alias points at cannot be archived' })
  @ApiOkResponse({ type: ModelVersionResponse })
  @ApiProblem(409, 'An alias points at the version, or it is archived already')
  async archive(@Param('id', new ParseUUIDPipe()) id: string): Promise<ModelVersionResponse> {
    return ModelVersionResponse.of(await this.archiving.execute({ versionId: id }));
  }

  @Get('model-versions/:id/lineage')
  @RequirePermission('model:read', ofVersion)
  @ApiOperation({ summary: 'Upstream and downstream of the version as OpenLineage jobs, runs and datasets' })
  @ApiOkResponse({ type: ModelLineageResponse })
  async lineage(@Param('id', new ParseUUIDPipe()) id: string): Promise<ModelLineageResponse> {
    return ModelLineageResponse.of(await this.lineages.execute({ versionId: id }));
  }

  @Put('model-versions/:id/sagemaker-link')
  @RequirePermission('model:write', ofVersion)
  @ApiOperation({ summary: 'Record the SageMaker endpoint variant serving the version; only an Approved one' })
  @ApiOkResponse({ type: ModelVersionResponse })
  @ApiProblem(400, 'A name or region SageMaker would not accept')
  @ApiProblem(409, 'The version is not Approved (serving-needs-approval)')
  async link(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SageMakerLinkRequest,
  ): Promise<ModelVersionResponse> {
    return ModelVersionResponse.of(await this.serving.execute({ versionId: id, serving: body }));
  }

  @Delete('model-versions/:id/sagemaker-link')
  @RequirePermission('model:write', ofVersion)
  @ApiOperation({ summary: 'Forget the SageMaker endpoint variant serving the version' })
  @ApiOkResponse({ type: ModelVersionResponse })
  async unlink(@Param('id', new ParseUUIDPipe()) id: string): Promise<ModelVersionResponse> {
    return ModelVersionResponse.of(await this.serving.execute({ versionId: id, serving: undefined }));
  }
}
