import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { CreateDatasetHandler } from '../../application/create-dataset/create-dataset.handler.js';
import { GetDatasetHandler } from '../../application/get-dataset/get-dataset.handler.js';
import { ListDatasetsHandler } from '../../application/list-datasets/list-datasets.handler.js';
import { ProjectOfDataset } from '../../application/ports/project-of-dataset.js';
import { CreateDatasetRequest } from './dto/dataset.request.js';
import { DatasetListResponse, DatasetResponse } from './dto/dataset.response.js';

const ofDataset = { resource: { resolver: ProjectOfDataset, param: 'datasetId' } };

@ApiTags('data-pipeline')
@Controller()
export class DatasetsController {
  constructor(
    private readonly creating: CreateDatasetHandler,
    private readonly listing: ListDatasetsHandler,
    private readonly reading: GetDatasetHandler,
  ) {}

  @Post('projects/:projectId/datasets')
  @RequirePermission('dataset:write')
  @ApiOperation({ summary: 'Declare a dataset in the project: its name and the schema its versions must have' })
  @ApiCreatedResponse({ type: DatasetResponse })
  @ApiProblem(409, 'The project has a dataset of that name')
  async create(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: CreateDatasetRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DatasetResponse> {
    const dataset = await this.creating.execute({ ...body, projectId, actorId: principal.userId });
    return DatasetResponse.of(dataset);
  }

  @Get('projects/:projectId/datasets')
  @RequirePermission('dataset:read')
  @ApiOperation({ summary: "The project's datasets, by name" })
  @ApiOkResponse({ type: DatasetListResponse })
  async list(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<DatasetListResponse> {
    return DatasetListResponse.of(await this.listing.execute({ projectId }));
  }

  @Get('datasets/:datasetId')
  @RequirePermission('dataset:read', ofDataset)
  @ApiOperation({ summary: 'A dataset and its declared schema' })
  @ApiOkResponse({ type: DatasetResponse })
  @ApiProblem(404, 'No such dataset visible to the caller')
  async get(@Param('datasetId', new ParseUUIDPipe()) datasetId: string): Promise<DatasetResponse> {
    return DatasetResponse.of(await this.reading.execute({ datasetId }));
  }
}
