import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Logger,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  ApiProblem,
  closeIfUnread,
  createValidationPipe,
  declaredLength,
  mediaTypeOf,
  sendDownload,
  STREAMED_BODY,
  streamedBody,
} from '@libs/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { DownloadDatasetVersionHandler } from '../../application/download-dataset-version/download-dataset-version.handler.js';
import { GetDatasetVersionHandler } from '../../application/get-dataset-version/get-dataset-version.handler.js';
import { ListDatasetVersionsHandler } from '../../application/list-dataset-versions/list-dataset-versions.handler.js';
import { ProjectOfDataset, ProjectOfDatasetVersion } from '../../application/ports/project-of-dataset.js';
import { RegisterDatasetVersionHandler } from '../../application/register-dataset-version/register-dataset-version.handler.js';
import { UploadDatasetVersionHandler } from '../../application/upload-dataset-version/upload-dataset-version.handler.js';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';
import { FILE_BYTES, FORMAT_OF_MEDIA_TYPE, MEDIA_TYPE_OF_FORMAT, UPLOAD_MEDIA_TYPES } from './dataset-file-bodies.js';
import { RegisterDatasetVersionRequest } from './dto/dataset-version.request.js';
import {
  DatasetVersionDetailResponse,
  DatasetVersionListResponse,
  DatasetVersionResponse,
} from './dto/dataset-version.response.js';

const ofDataset = { resource: { resolver: ProjectOfDataset, param: 'datasetId' } };
const ofVersion = { resource: { resolver: ProjectOfDatasetVersion, param: 'versionId' } };
const JSON_TYPE = 'application/json';

@ApiTags('data-pipeline')
@ApiExtraModels(RegisterDatasetVersionRequest)
@Controller()
export class DatasetVersionsController {
  private readonly logger = new Logger(DatasetVersionsController.name);
  private readonly registration = createValidationPipe();

  constructor(
    private readonly uploading: UploadDatasetVersionHandler,
    private readonly registering: RegisterDatasetVersionHandler,
    private readonly listing: ListDatasetVersionsHandler,
    private readonly reading: GetDatasetVersionHandler,
    private readonly downloading: DownloadDatasetVersionHandler,
  ) {}

  @Post('datasets/:datasetId/versions')
  @RouteConfig(STREAMED_BODY)
  @RequirePermission('dataset:write', ofDataset)
  @ApiOperation({
    summary: 'Add an immutable version: a file streamed in (CSV, JSON lines, Parquet), or an object of the project',
    description: `Send the file as ${UPLOAD_MEDIA_TYPES.join(', ')}, or JSON naming an object key.`,
  })
  @ApiConsumes(...UPLOAD_MEDIA_TYPES, JSON_TYPE)
  @ApiBody({
    schema: { $ref: getSchemaPath(RegisterDatasetVersionRequest) },
    description: 'The file itself as one of the file media types, or JSON naming an object of the project',
  })
  @ApiCreatedResponse({ type: DatasetVersionResponse })
  @ApiProblem(400, 'The file cannot be read (with its line), or its columns are not the declared ones (named)')
  @ApiProblem(404, 'No such dataset visible to the caller')
  @ApiProblem(413, 'The file is larger than DATASET_VERSION_MAX_BYTES')
  @ApiProblem(415, 'The body is none of the accepted media types')
  async addVersion(
    @Param('datasetId', new ParseUUIDPipe()) datasetId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DatasetVersionResponse> {
    const mediaType = mediaTypeOf(request) ?? '';
    try {
      return DatasetVersionResponse.of(
        mediaType === JSON_TYPE
          ? await this.register(datasetId, body, principal)
          : await this.upload(datasetId, mediaType, request, principal),
      );
    } catch (error) {
      closeIfUnread(request, reply);
      throw error;
    }
  }

  @Get('datasets/:datasetId/versions')
  @RequirePermission('dataset:read', ofDataset)
  @ApiOperation({ summary: "The dataset's versions, newest first" })
  @ApiOkResponse({ type: DatasetVersionListResponse })
  @ApiProblem(404, 'No such dataset visible to the caller')
  async list(@Param('datasetId', new ParseUUIDPipe()) datasetId: string): Promise<DatasetVersionListResponse> {
    return DatasetVersionListResponse.of(await this.listing.execute({ datasetId }));
  }

  @Get('dataset-versions/:versionId')
  @RequirePermission('dataset:read', ofVersion)
  @ApiOperation({ summary: 'A version with its inferred schema and its profile' })
  @ApiOkResponse({ type: DatasetVersionDetailResponse })
  @ApiProblem(404, 'No such version visible to the caller')
  async get(@Param('versionId', new ParseUUIDPipe()) versionId: string): Promise<DatasetVersionDetailResponse> {
    return DatasetVersionDetailResponse.of(await this.reading.execute({ versionId }));
  }

  @Get('dataset-versions/:versionId/content')
  @RequirePermission('dataset:read', ofVersion)
  @ApiOperation({ summary: "The version's file as stored, streamed" })
  @ApiOkResponse({
    description: 'The file',
    content: Object.fromEntries(UPLOAD_MEDIA_TYPES.map((type) => [type, { schema: FILE_BYTES }])),
  })
  @ApiProblem(404, 'No such version visible to the caller')
  async content(@Param('versionId', new ParseUUIDPipe()) versionId: string, @Res() reply: FastifyReply): Promise<void> {
    const { version, content } = await this.downloading.execute({ versionId });
    void reply
      .header('content-type', MEDIA_TYPE_OF_FORMAT[version.format])
      .header('content-length', String(content.contentLength))
      .header('etag', `"${version.sha256}"`)
      .header('content-disposition', `attachment; filename="${version.id}.${version.format}"`);
    await sendDownload(reply, content).catch((error: unknown) => {
      // Nothing to answer any more: the headers are out. A client going away is routine.
      if ((error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      this.logger.warn(`Download of dataset version ${versionId} failed after its headers: ${String(error)}`);
    });
  }

  private upload(
    datasetId: string,
    mediaType: string,
    request: FastifyRequest,
    principal: Principal,
  ): Promise<DatasetVersion> {
    const format = FORMAT_OF_MEDIA_TYPE.get(mediaType);
    if (!format)
      throw new UnsupportedMediaTypeException(
        `Send the file as one of ${UPLOAD_MEDIA_TYPES.join(', ')}, or ${JSON_TYPE} naming an object`,
      );
    return this.uploading.execute({
      datasetId,
      body: streamedBody(request),
      format,
      declaredBytes: declaredLength(request),
      actorId: principal.userId,
    });
  }

  private async register(datasetId: string, body: unknown, principal: Principal): Promise<DatasetVersion> {
    // The global pipe cannot validate a body whose route also takes files: the same pipe runs here.
    const request: unknown = await this.registration.transform(body, {
      type: 'body',
      metatype: RegisterDatasetVersionRequest,
    });
    if (!(request instanceof RegisterDatasetVersionRequest)) throw new BadRequestException('The body is not an object');
    return this.registering.execute({ datasetId, ...request, actorId: principal.userId });
  }
}
