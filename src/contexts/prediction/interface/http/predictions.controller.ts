import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblem } from '@libs/platform';
import { RequirePermission } from '@contexts/user-management';
import { PredictInstancesHandler } from '../../application/predict-instances/predict-instances.handler.js';
import { ProjectOfDeployment } from '../../application/ports/project-of-deployment.js';
import { PredictRequest } from './dto/inference.request.js';
import { PredictResponse } from './dto/inference.response.js';
import { cacheAllowed } from './cache-directive.js';
import { singleValuedHeaders } from './request-headers.js';

@ApiTags('prediction')
@Controller()
export class PredictionsController {
  constructor(private readonly prediction: PredictInstancesHandler) {}

  @Post('deployments/:deploymentId/predict')
  @HttpCode(200)
  @RequirePermission('prediction:invoke', { resource: { resolver: ProjectOfDeployment, param: 'deploymentId' } })
  @ApiOperation({ summary: 'Predict rows: one prediction per instance, from the variant the routing picks' })
  @ApiOkResponse({ type: PredictResponse })
  @ApiProblem(400, 'A row does not fit the model’s signature; the problem names the input')
  @ApiProblem(503, 'The model could not be loaded')
  async predict(
    @Param('deploymentId', new ParseUUIDPipe()) deploymentId: string,
    @Body() body: PredictRequest,
    @Req() request: FastifyRequest,
  ): Promise<PredictResponse> {
    const result = await this.prediction.execute({
      deploymentId,
      instances: body.instances,
      headers: singleValuedHeaders(request),
      requestId: request.id,
      cacheAllowed: cacheAllowed(request),
    });
    return PredictResponse.of(result);
  }
}
