import {
  Body,
  Controller,
  Get,
  HttpCode,
  Logger,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblem, closeIfUnread, declaredLength, sendDownload, STREAMED_BODY, streamedBody } from '@libs/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { GetProjectObjectHandler } from '../../application/get-project-object/get-project-object.handler.js';
import { GetProjectObjectDownloadUrlHandler } from '../../application/get-project-object-download-url/get-project-object-download-url.handler.js';
import { GetProjectObjectUploadUrlHandler } from '../../application/get-project-object-upload-url/get-project-object-upload-url.handler.js';
import { PutProjectObjectHandler } from '../../application/put-project-object/put-project-object.handler.js';
import { ObjectDownloadUrlQuery, ObjectUploadUrlRequest } from './dto/presigned-url.request.js';
import { PresignedUrlResponse, ProjectObjectUploadUrlResponse } from './dto/presigned-url.response.js';
import { ProjectObjectResponse } from './dto/project-object.response.js';
import { OBJECT_KEY_PARAM, ObjectKey } from './object-key.param.js';
import { OCTET_STREAM } from './octet-stream-bodies.js';

// The key may hold '/': everything after objects/ is the key (see ObjectKey).
const OBJECT_ROUTE = 'projects/:projectId/objects/*';

/** Objects a project's users upload for its tasks to read (ADR 0303). */
@ApiTags('model-registry')
@Controller()
export class ProjectObjectsController {
  private readonly logger = new Logger(ProjectObjectsController.name);

  constructor(
    private readonly putting: PutProjectObjectHandler,
    private readonly getting: GetProjectObjectHandler,
    private readonly uploadUrls: GetProjectObjectUploadUrlHandler,
    private readonly downloadUrls: GetProjectObjectDownloadUrlHandler,
  ) {}

  @Post('projects/:projectId/object-upload-url')
  @HttpCode(200)
  @RequirePermission('model:write')
  @ApiOperation({
    summary: 'A presigned URL to PUT an object for the project’s tasks straight into the store (S3 only)',
    description: 'The URL signs the exact contentLength and the contentType: send both headers as given.',
  })
  @ApiOkResponse({ type: ProjectObjectUploadUrlResponse })
  @ApiProblem(400, 'The key is not /-separated segments of A-Z a-z 0-9 . _ = -')
  @ApiProblem(409, 'Presigned URLs need the S3 driver')
  @ApiProblem(413, 'contentLength is larger than MODEL_ARTIFACT_MAX_BYTES')
  async uploadUrl(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Body() body: ObjectUploadUrlRequest,
  ): Promise<ProjectObjectUploadUrlResponse> {
    const { key, contentLength, contentType = OCTET_STREAM, expiresInSeconds } = body;
    const url = await this.uploadUrls.execute({ projectId, key, contentLength, contentType, expiresInSeconds });
    return ProjectObjectUploadUrlResponse.ofUpload(url);
  }

  @Get('projects/:projectId/object-download-url')
  @RequirePermission('model:read')
  @ApiOperation({ summary: 'A presigned URL that downloads one of the project’s objects (S3 only)' })
  @ApiOkResponse({ type: PresignedUrlResponse })
  @ApiProblem(404, 'No such object in this project, or no such project visible to the caller')
  @ApiProblem(409, 'Presigned URLs need the S3 driver')
  async downloadUrl(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Query() query: ObjectDownloadUrlQuery,
  ): Promise<PresignedUrlResponse> {
    const { key, expiresInSeconds } = query;
    return PresignedUrlResponse.of(await this.downloadUrls.execute({ projectId, key, expiresInSeconds }));
  }

  @Put(OBJECT_ROUTE)
  @RouteConfig(STREAMED_BODY)
  @RequirePermission('model:write')
  @ApiOperation({ summary: 'Upload an object for the project’s tasks (streamed; replaces one of the same key)' })
  @ApiParam(OBJECT_KEY_PARAM)
  @ApiConsumes(OCTET_STREAM)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ProjectObjectResponse })
  @ApiProblem(400, 'The key is not /-separated segments of A-Z a-z 0-9 . _ = -')
  @ApiProblem(413, 'The object is larger than MODEL_ARTIFACT_MAX_BYTES')
  async put(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @ObjectKey() key: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProjectObjectResponse> {
    const contentType = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
    try {
      if (contentType !== OCTET_STREAM) throw new UnsupportedMediaTypeException(`Send the object as ${OCTET_STREAM}`);
      const stored = await this.putting.execute({
        projectId,
        key,
        body: streamedBody(request),
        declaredBytes: declaredLength(request),
        contentType,
        actorId: principal.userId,
      });
      return ProjectObjectResponse.of(stored);
    } catch (error) {
      closeIfUnread(request, reply);
      throw error;
    }
  }

  @Get(OBJECT_ROUTE)
  @RequirePermission('model:read')
  @ApiOperation({ summary: 'Download one of the project’s uploaded objects, streamed' })
  @ApiParam(OBJECT_KEY_PARAM)
  @ApiOkResponse({
    description: 'The object',
    content: { [OCTET_STREAM]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblem(404, 'No such object in this project, or no such project visible to the caller')
  async get(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @ObjectKey() key: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const download = await this.getting.execute({ projectId, key });
    void reply.header('content-type', download.contentType).header('content-length', String(download.contentLength));
    if (download.sha256) void reply.header('etag', `"${download.sha256}"`);
    await sendDownload(reply, download).catch((error: unknown) => {
      // Nothing to answer any more: the headers are out. A client going away is routine.
      if ((error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      this.logger.warn(`Download of object ${key} of project ${projectId} failed after its headers: ${String(error)}`);
    });
  }
}
