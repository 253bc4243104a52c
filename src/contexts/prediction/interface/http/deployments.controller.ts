import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { CreateDeploymentHandler } from '../../application/create-deployment/create-deployment.handler.js';
import { DeleteDeploymentHandler } from '../../application/delete-deployment/delete-deployment.handler.js';
import { GetDeploymentHandler } from '../../application/get-deployment/get-deployment.handler.js';
import { ListDeploymentsHandler } from '../../application/list-deployments/list-deployments.handler.js';
import { ProjectOfDeployment } from '../../application/ports/project-of-deployment.js';
import { UpdateDeploymentHandler } from '../../application/update-deployment/update-deployment.handler.js';
import { CreateDeploymentRequest, UpdateDeploymentRequest } from './dto/deployment.request.js';
import { DeploymentListResponse, DeploymentResponse } from './dto/deployment.response.js';

const ofDeployment = { resource: { resolver: ProjectOfDeployment, param: 'deploymentId' } };

@ApiTags('prediction')
@Controller()
export class DeploymentsController {
  constructor(
    private readonly creation: CreateDeploymentHandler,
    private readonly listing: ListDeploymentsHandler,
    private readonly reading: GetDeploymentHandler,
    private readonly update: UpdateDeploymentHandler,
    private readonly deletion: DeleteDeploymentHandler,
  ) {}

  @Post('projects/:projectId/deployments')
  @RequirePermission('deployment:write')
  @ApiOperation({ summary: 'Deploy model versions (by alias or id) under a name of the project' })
  @ApiCreatedResponse({ type: DeploymentResponse })
  @ApiProblem(400, 'A variant is invalid, or names a version without an artifact or a signature')
  @ApiProblem(409, 'The project has a deployment of that name')
  async create(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: CreateDeploymentRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeploymentResponse> {
    const deployment = await this.creation.execute({ ...body, projectId, actorId: principal.userId });
    return DeploymentResponse.of(deployment);
  }

  @Get('projects/:projectId/deployments')
  @RequirePermission('deployment:read')
  @ApiOperation({ summary: 'The project’s deployments by name' })
  @ApiOkResponse({ type: DeploymentListResponse })
  async list(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<DeploymentListResponse> {
    return DeploymentListResponse.of(await this.listing.execute({ projectId }));
  }

  @Get('deployments/:deploymentId')
  @RequirePermission('deployment:read', ofDeployment)
  @ApiOperation({ summary: 'A deployment with its variants and the versions they serve' })
  @ApiOkResponse({ type: DeploymentResponse })
  async get(@Param('deploymentId', new ParseUUIDPipe()) deploymentId: string): Promise<DeploymentResponse> {
    return DeploymentResponse.of(await this.reading.execute({ deploymentId }));
  }

  @Put('deployments/:deploymentId')
  @RequirePermission('deployment:write', ofDeployment)
  @ApiOperation({ summary: 'Replace the routing and the variants; aliases are resolved again' })
  @ApiOkResponse({ type: DeploymentResponse })
  @ApiProblem(400, 'A variant is invalid, or names a version without an artifact or a signature')
  @ApiProblem(412, 'The deployment changed while it was being replaced')
  async replace(
    @Param('deploymentId', new ParseUUIDPipe()) deploymentId: string,
    @Body() body: UpdateDeploymentRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeploymentResponse> {
    const deployment = await this.update.execute({ ...body, deploymentId, actorId: principal.userId });
    return DeploymentResponse.of(deployment);
  }

  @Delete('deployments/:deploymentId')
  @HttpCode(204)
  @RequirePermission('deployment:write', ofDeployment)
  @ApiOperation({ summary: 'Remove a deployment; its name stops answering' })
  @ApiNoContentResponse()
  async remove(
    @Param('deploymentId', new ParseUUIDPipe()) deploymentId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.deletion.execute({ deploymentId, actorId: principal.userId });
  }
}
