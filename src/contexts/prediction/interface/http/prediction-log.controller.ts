import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblem } from '@libs/platform';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { GetExperimentHandler } from '../../application/get-experiment/get-experiment.handler.js';
import { GetPredictionHandler } from '../../application/get-prediction/get-prediction.handler.js';
import { ListPredictionsHandler } from '../../application/list-predictions/list-predictions.handler.js';
import { ProjectOfDeployment } from '../../application/ports/project-of-deployment.js';
import { ProjectOfPrediction } from '../../application/ports/project-of-prediction.js';
import { RecordFeedbackHandler } from '../../application/record-feedback/record-feedback.handler.js';
import { ExperimentResponse } from './dto/experiment.response.js';
import { FeedbackRequest, PredictionSearchQuery } from './dto/prediction-log.request.js';
import {
  LoggedTensorResponse,
  PredictionPageResponse,
  PredictionRecordResponse,
  TruncatedPayloadResponse,
} from './dto/prediction-log.response.js';

const ofDeployment = { resource: { resolver: ProjectOfDeployment, param: 'deploymentId' } };
const ofPrediction = { resource: { resolver: ProjectOfPrediction, param: 'predictionId' } };

/** The prediction log, feedback on its predictions, and the experiment they feed (docs/adr/0505). */
@ApiTags('prediction')
// A record's payloads are a oneOf that names these schemas: only a controller adds a schema by name.
@ApiExtraModels(LoggedTensorResponse, TruncatedPayloadResponse)
@Controller()
export class PredictionLogController {
  constructor(
    private readonly listing: ListPredictionsHandler,
    private readonly reading: GetPredictionHandler,
    private readonly feedback: RecordFeedbackHandler,
    private readonly experiment: GetExperimentHandler,
  ) {}

  @Get('deployments/:deploymentId/predictions')
  @RequirePermission('deployment:read', ofDeployment)
  @ApiOperation({ summary: 'The deployment’s prediction records, newest first, by variant and time' })
  @ApiOkResponse({ type: PredictionPageResponse })
  @ApiProblem(400, 'A filter or the cursor is invalid')
  async list(
    @Param('deploymentId', new ParseUUIDPipe()) deploymentId: string,
    @Query() query: PredictionSearchQuery,
  ): Promise<PredictionPageResponse> {
    return PredictionPageResponse.of(await this.listing.execute({ ...query, deploymentId }));
  }

  @Get('deployments/:deploymentId/experiment')
  @RequirePermission('deployment:read', ofDeployment)
  @ApiOperation({
    summary: 'Per-variant metrics from feedback and the significance test between the two primary variants',
  })
  @ApiOkResponse({ type: ExperimentResponse })
  async getExperiment(@Param('deploymentId', new ParseUUIDPipe()) deploymentId: string): Promise<ExperimentResponse> {
    return ExperimentResponse.of(await this.experiment.execute({ deploymentId }));
  }

  @Get('predictions/:predictionId')
  @RequirePermission('deployment:read', ofPrediction)
  @ApiOperation({ summary: 'One prediction’s record, with its payloads when it was sampled' })
  @ApiOkResponse({ type: PredictionRecordResponse })
  async get(@Param('predictionId', new ParseUUIDPipe()) predictionId: string): Promise<PredictionRecordResponse> {
    return PredictionRecordResponse.of(await this.reading.execute({ predictionId }));
  }

  @Post('predictions/:predictionId/feedback')
  @HttpCode(204)
  @RequirePermission('prediction:invoke', ofPrediction)
  @ApiOperation({ summary: 'Record the ground truth of a prediction (a label or a value), once' })
  @ApiNoContentResponse({ description: 'Recorded' })
  @ApiProblem(400, 'Neither a label nor a finite value')
  @ApiProblem(409, 'The prediction has feedback already')
  async recordFeedback(
    @Param('predictionId', new ParseUUIDPipe()) predictionId: string,
    @Body() body: FeedbackRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.feedback.execute({ predictionId, feedback: body, actorId: principal.userId });
  }
}
