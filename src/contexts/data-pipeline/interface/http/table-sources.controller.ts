import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { ListTableSourcesHandler } from '../../application/list-table-sources/list-table-sources.handler.js';
import { ProjectOfDataset } from '../../application/ports/project-of-dataset.js';
import { SnapshotTableSourceHandler } from '../../application/snapshot-table-source/snapshot-table-source.handler.js';
import { DatasetVersionResponse } from './dto/dataset-version.response.js';
import { SnapshotDatasetVersionRequest } from './dto/table-source.request.js';
import { TableSourceListResponse } from './dto/table-source.response.js';

const ofDataset = { resource: { resolver: ProjectOfDataset, param: 'datasetId' } };

@ApiTags('data-pipeline')
@Controller()
export class TableSourcesController {
  constructor(
    private readonly listing: ListTableSourcesHandler,
    private readonly snapshotting: SnapshotTableSourceHandler,
  ) {}

  @Get('table-sources')
  @ApiOperation({ summary: 'The table sources configured on the server (DATA_TABLE_SOURCES), by name' })
  @ApiOkResponse({ type: TableSourceListResponse })
  list(): TableSourceListResponse {
    return TableSourceListResponse.of(this.listing.execute({}));
  }

  @Post('datasets/:datasetId/versions/snapshots')
  @RequirePermission('dataset:write', ofDataset)
  @ApiOperation({
    summary: 'Add a version from a snapshot query against a table source',
    description:
      'The query runs read-only with the statement timeout; its rows are stored as Parquet and checked ' +
      "against the dataset's declared schema as an upload is. The producer records the source's name and the query.",
  })
  @ApiCreatedResponse({ type: DatasetVersionResponse })
  @ApiProblem(400, "The body is malformed, a value does not cast, or the columns are not the dataset's (named)")
  @ApiProblem(404, 'No such dataset visible to the caller')
  @ApiProblem(413, 'The snapshot is larger than DATASET_VERSION_MAX_BYTES')
  @ApiProblem(
    422,
    'No such table source; the query is not one read-only SELECT, fails, or passes the statement timeout',
  )
  @ApiProblem(503, 'The table source cannot be reached now')
  async snapshot(
    @Param('datasetId', new ParseUUIDPipe()) datasetId: string,
    @Body() body: SnapshotDatasetVersionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DatasetVersionResponse> {
    return DatasetVersionResponse.of(
      await this.snapshotting.execute({ datasetId, ...body, actorId: principal.userId }),
    );
  }
}
