import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblem, Public } from '@libs/platform';
import { RequirePermission } from '@contexts/user-management';
import { CheckModelReadyHandler } from '../../application/check-model-ready/check-model-ready.handler.js';
import { GetServedModelHandler } from '../../application/get-served-model/get-served-model.handler.js';
import { RunInferenceHandler } from '../../application/run-inference/run-inference.handler.js';
import type { InferRequestBody } from './dto/inference-request.schema.js';
import { InferRequest } from './dto/inference.request.js';
import { InferResponse } from './dto/inference.response.js';
import {
  LiveResponse,
  ModelMetadataResponse,
  ReadyResponse,
  ServerMetadataResponse,
} from './dto/model-metadata.response.js';
import { cacheAllowed } from './cache-directive.js';
import { InferRequestPipe } from './infer-request.pipe.js';
import { singleValuedHeaders } from './request-headers.js';
import { PROJECT_HEADER, ServingProject } from './serving-project.js';

const invoke = { projectHeader: PROJECT_HEADER };
const projectHeader = ApiHeader({
  name: 'X-Project-Id',
  required: false,
  description: 'The project whose deployments are the models; an API key’s own project when absent',
});

/**
 * The Open Inference Protocol (KServe v2) over the project's deployments: a model is a
 * deployment, its versions are the deployment's variants (docs/adr/0501).
 */
@ApiTags('inference-protocol')
@Controller('v2')
export class InferenceProtocolController {
  constructor(
    private readonly inference: RunInferenceHandler,
    private readonly models: GetServedModelHandler,
    private readonly readiness: CheckModelReadyHandler,
  ) {}

  @Get('health/live')
  @Public()
  @ApiOperation({ summary: 'The server is alive' })
  @ApiOkResponse({ type: LiveResponse })
  live(): LiveResponse {
    return LiveResponse.of(true);
  }

  @Get('health/ready')
  @Public()
  @ApiOperation({ summary: 'The server takes inference requests' })
  @ApiOkResponse({ type: ReadyResponse })
  ready(): ReadyResponse {
    return ReadyResponse.of(true);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Server metadata' })
  @ApiOkResponse({ type: ServerMetadataResponse })
  server(): ServerMetadataResponse {
    return ServerMetadataResponse.of();
  }

  @Get('models/:model')
  @RequirePermission('prediction:invoke', invoke)
  @projectHeader
  @ApiOperation({ summary: 'A deployment’s metadata: its variants as versions, inputs and outputs from the signature' })
  @ApiOkResponse({ type: ModelMetadataResponse })
  async model(@ServingProject() projectId: string, @Param('model') model: string): Promise<ModelMetadataResponse> {
    return ModelMetadataResponse.of(await this.models.execute({ projectId, model }));
  }

  @Get('models/:model/versions/:version')
  @RequirePermission('prediction:invoke', invoke)
  @projectHeader
  @ApiOperation({ summary: 'One variant’s metadata' })
  @ApiOkResponse({ type: ModelMetadataResponse })
  async modelVersion(
    @ServingProject() projectId: string,
    @Param('model') model: string,
    @Param('version') variant: string,
  ): Promise<ModelMetadataResponse> {
    return ModelMetadataResponse.of(await this.models.execute({ projectId, model, variant }));
  }

  @Get('models/:model/ready')
  @RequirePermission('prediction:invoke', invoke)
  @projectHeader
  @ApiOperation({ summary: 'Whether the deployment answers now (loads its models); 503 when it cannot' })
  @ApiOkResponse({ type: ReadyResponse })
  async modelReady(
    @ServingProject() projectId: string,
    @Param('model') model: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReadyResponse> {
    return readiness(await this.readiness.execute({ projectId, model }), reply);
  }

  @Get('models/:model/versions/:version/ready')
  @RequirePermission('prediction:invoke', invoke)
  @projectHeader
  @ApiOperation({ summary: 'Whether one variant answers now (loads its model); 503 when it cannot' })
  @ApiOkResponse({ type: ReadyResponse })
  async modelVersionReady(
    @ServingProject() projectId: string,
    @Param('model') model: string,
    @Param('version') variant: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReadyResponse> {
    return readiness(await this.readiness.execute({ projectId, model, variant }), reply);
  }

  @Post('models/:model/infer')
  @HttpCode(200)
  @RequirePermission('prediction:invoke', invoke)
  @projectHeader
  @ApiOperation({ summary: 'Inference by the variant the deployment’s routing picks' })
  @ApiBody({ type: InferRequest })
  @ApiOkResponse({ type: InferResponse })
  @ApiProblem(400, 'An input does not fit the signature; the problem names it')
  @ApiProblem(503, 'The model could not be loaded')
  infer(
    @ServingProject() projectId: string,
    @Param('model') model: string,
    @Body(InferRequestPipe) body: InferRequestBody,
    @Req() request: FastifyRequest,
  ): Promise<InferResponse> {
    return this.run(projectId, model, undefined, body, request);
  }

  @Post('models/:model/versions/:version/infer')
  @HttpCode(200)
  @RequirePermission('prediction:invoke', invoke)
  @projectHeader
  @ApiOperation({ summary: 'Inference by one variant, bypassing the routing' })
  @ApiBody({ type: InferRequest })
  @ApiOkResponse({ type: InferResponse })
  @ApiProblem(400, 'An input does not fit the signature; the problem names it')
  @ApiProblem(503, 'The model could not be loaded')
  inferVersion(
    @ServingProject() projectId: string,
    @Param('model') model: string,
    @Param('version') variant: string,
    @Body(InferRequestPipe) body: InferRequestBody,
    @Req() request: FastifyRequest,
  ): Promise<InferResponse> {
    return this.run(projectId, model, variant, body, request);
  }

  private async run(
    projectId: string,
    model: string,
    variant: string | undefined,
    body: InferRequestBody,
    request: FastifyRequest,
  ): Promise<InferResponse> {
    const answer = await this.inference.execute({
      projectId,
      model,
      variant,
      inputs: body.inputs,
      outputs: body.outputs?.map((output) => output.name),
      headers: singleValuedHeaders(request),
      requestId: request.id,
      cacheAllowed: cacheAllowed(request, body.parameters),
    });
    return InferResponse.of(answer, body.id);
  }
}

function readiness(ready: boolean, reply: FastifyReply): ReadyResponse {
  if (!ready) void reply.status(503);
  return ReadyResponse.of(ready);
}
