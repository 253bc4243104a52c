import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { CancelBatchPredictionHandler } from '../../application/cancel-batch-prediction/cancel-batch-prediction.handler.js';
import { GetBatchPredictionHandler } from '../../application/get-batch-prediction/get-batch-prediction.handler.js';
import { ListBatchPredictionsHandler } from '../../application/list-batch-predictions/list-batch-predictions.handler.js';
import { ProjectOfBatchPrediction } from '../../application/ports/project-of-batch-prediction.js';
import { ProjectOfDeployment } from '../../application/ports/project-of-deployment.js';
import { StartBatchPredictionHandler } from '../../application/start-batch-prediction/start-batch-prediction.handler.js';
import { StartVersionBatchPredictionHandler } from '../../application/start-version-batch-prediction/start-version-batch-prediction.handler.js';
import { StartBatchPredictionRequest, StartVersionBatchPredictionRequest } from './dto/batch-prediction.request.js';
import { BatchPredictionListResponse, BatchPredictionResponse } from './dto/batch-prediction.response.js';

const ofDeployment = { resource: { resolver: ProjectOfDeployment, param: 'deploymentId' } };
const ofBatchPrediction = { resource: { resolver: ProjectOfBatchPrediction, param: 'batchPredictionId' } };

@ApiTags('prediction')
@Controller()
export class BatchPredictionsController {
  constructor(
    private readonly starting: StartBatchPredictionHandler,
    private readonly reading: GetBatchPredictionHandler,
    private readonly listing: ListBatchPredictionsHandler,
    private readonly cancelling: CancelBatchPredictionHandler,
    private readonly startingByVersion: StartVersionBatchPredictionHandler,
  ) {}

  @Post('deployments/:deploymentId/batch-predictions')
  @HttpCode(202)
  @RequirePermission('prediction:invoke', ofDeployment)
  @ApiOperation({
    summary: 'Predict every row of a dataset version into a new version of a dataset, in the background',
  })
  @ApiAcceptedResponse({ type: BatchPredictionResponse })
  @ApiProblem(400, 'The rows do not fit the model’s inputs, or the input version lacks a column it reads')
  @ApiProblem(404, 'The project has no such deployment, variant, dataset version or dataset')
  async start(
    @Param('deploymentId', new ParseUUIDPipe()) deploymentId: string,
    @Body() body: StartBatchPredictionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchPredictionResponse> {
    const job = await this.starting.execute({ ...body, deploymentId, actorId: principal.userId });
    return BatchPredictionResponse.of(job);
  }

  @Post('projects/:projectId/batch-predictions')
  @HttpCode(202)
  @RequirePermission('prediction:invoke')
  @ApiOperation({
    summary:
      'Predict every row of a dataset version with a bare model version (ONNX, no deployment), in the background',
  })
  @ApiAcceptedResponse({ type: BatchPredictionResponse })
  @ApiProblem(400, 'The version cannot predict (no artifact or signature, not ONNX), or the rows do not fit its inputs')
  @ApiProblem(404, 'The project has no such model version, dataset version or dataset')
  async startByVersion(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: StartVersionBatchPredictionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchPredictionResponse> {
    const job = await this.startingByVersion.execute({ ...body, projectId, actorId: principal.userId });
    return BatchPredictionResponse.of(job);
  }

  @Get('deployments/:deploymentId/batch-predictions')
  @RequirePermission('deployment:read', ofDeployment)
  @ApiOperation({ summary: 'The deployment’s batch predictions, newest first' })
  @ApiOkResponse({ type: BatchPredictionListResponse })
  async list(@Param('deploymentId', new ParseUUIDPipe()) deploymentId: string): Promise<BatchPredictionListResponse> {
    return BatchPredictionListResponse.of(await this.listing.execute({ deploymentId }));
  }

  @Get('batch-predictions/:batchPredictionId')
  @RequirePermission('deployment:read', ofBatchPrediction)
  @ApiOperation({ summary: 'A batch prediction with its progress and, once it succeeded, its output version' })
  @ApiOkResponse({ type: BatchPredictionResponse })
  async get(
    @Param('batchPredictionId', new ParseUUIDPipe()) batchPredictionId: string,
  ): Promise<BatchPredictionResponse> {
    return BatchPredictionResponse.of(await this.reading.execute({ batchPredictionId }));
  }

  @Post('batch-predictions/:batchPredictionId/cancel')
  @HttpCode(200)
  @RequirePermission('prediction:invoke', ofBatchPrediction)
  @ApiOperation({ summary: 'Cancel a queued or running batch prediction; it stops before its next chunk' })
  @ApiOkResponse({ type: BatchPredictionResponse })
  @ApiProblem(409, 'The batch prediction has finished')
  async cancel(
    @Param('batchPredictionId', new ParseUUIDPipe()) batchPredictionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchPredictionResponse> {
    return BatchPredictionResponse.of(await this.cancelling.execute({ batchPredictionId, actorId: principal.userId }));
  }
}
