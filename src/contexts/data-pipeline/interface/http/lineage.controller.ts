import { Controller, Get, Param, ParseEnumPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@contexts/user-management';
import { ExportRunOpenLineageHandler } from '../../application/export-run-openlineage/export-run-openlineage.handler.js';
import { FindImpactedModelsHandler } from '../../application/find-impacted-models/find-impacted-models.handler.js';
import { GetLineageGraphHandler } from '../../application/get-lineage-graph/get-lineage-graph.handler.js';
import { ProjectOfLineageNode } from '../../application/ports/project-of-lineage-node.js';
import { LINEAGE_NODE_TYPES, type LineageNodeType } from '../../domain/lineage/lineage-node.js';
import { ImpactQueryParams, LineageGraphQueryParams } from './dto/lineage-graph.query.js';
import { ImpactResponse, LineageGraphResponse } from './dto/lineage-graph.response.js';
import { OpenLineageExportResponse } from './dto/openlineage.response.js';

const DEFAULT_DEPTH = 3;

@ApiTags('data-pipeline')
@Controller('lineage')
export class LineageController {
  constructor(
    private readonly graphs: GetLineageGraphHandler,
    private readonly impacts: FindImpactedModelsHandler,
    private readonly exports: ExportRunOpenLineageHandler,
  ) {}

  @Get('impact')
  @RequirePermission('dataset:read', { resource: { resolver: ProjectOfLineageNode, query: 'checkResult' } })
  @ApiOperation({ summary: 'The model versions and deployments downstream of the data a check result is about' })
  @ApiOkResponse({ type: ImpactResponse })
  async impact(@Query() query: ImpactQueryParams): Promise<ImpactResponse> {
    return ImpactResponse.of(await this.impacts.execute({ checkResultId: query.checkResult }));
  }

  @Get('runs/:runId/openlineage')
  @RequirePermission('dataset:read', { resource: { resolver: ProjectOfLineageNode, param: 'runId' } })
  @ApiOperation({ summary: "A run's OpenLineage RunEvents (spec 2-0-2), built from the lineage graph" })
  @ApiOkResponse({ type: OpenLineageExportResponse })
  async openLineage(@Param('runId') runId: string): Promise<OpenLineageExportResponse> {
    return OpenLineageExportResponse.of(await this.exports.execute({ runId }));
  }

  @Get(':nodeType/:id')
  @RequirePermission('dataset:read', { resource: { resolver: ProjectOfLineageNode } })
  @ApiOperation({ summary: 'The lineage subgraph around a node: upstream, downstream or both' })
  @ApiOkResponse({ type: LineageGraphResponse })
  async graph(
    @Param('nodeType', new ParseEnumPipe(LINEAGE_NODE_TYPES)) nodeType: LineageNodeType,
    @Param('id') id: string,
    @Query() query: LineageGraphQueryParams,
  ): Promise<LineageGraphResponse> {
    const direction = query.direction ?? 'both';
    const depth = query.depth ?? DEFAULT_DEPTH;
    return LineageGraphResponse.of(await this.graphs.execute({ nodeType, id, direction, depth }));
  }
}
