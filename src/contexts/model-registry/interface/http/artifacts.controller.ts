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
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiProblem,
  closeIfUnread,
  declaredLength,
  mediaTypeOf,
  sendDownload,
  sendDownloadHeaders,
  STREAMED_BODY,
  streamedBody,
} from '@libs/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, RequirePermission, type Principal } from '@contexts/user-management';
import { RangeNotSatisfiableError, type ObjectDownload } from '@libs/storage';
import { CompleteArtifactUploadHandler } from '../../application/complete-artifact-upload/complete-artifact-upload.handler.js';
import { DescribeArtifactDownloadHandler } from '../../application/describe-artifact-download/describe-artifact-download.handler.js';
import { DownloadArtifactHandler } from '../../application/download-artifact/download-artifact.handler.js';
import { GetArtifactHandler } from '../../application/get-artifact/get-artifact.handler.js';
import { GetArtifactDownloadUrlHandler } from '../../application/get-artifact-download-url/get-artifact-download-url.handler.js';
import { GetArtifactUploadUrlHandler } from '../../application/get-artifact-upload-url/get-artifact-upload-url.handler.js';
import { UploadArtifactHandler } from '../../application/upload-artifact/upload-artifact.handler.js';
import type { Artifact } from '../../domain/version/model-version-status.js';
import { ProjectOfModelVersion } from '../../application/ports/project-of-model.js';
import { requestedRange } from './byte-range.js';
import { ModelVersionResponse } from './dto/model-version.response.js';
import {
  CompleteArtifactUploadRequest,
  PresignedUploadRequest,
  PresignedUrlQuery,
} from './dto/presigned-url.request.js';
import { ArtifactUploadUrlResponse, PresignedUrlResponse } from './dto/presigned-url.response.js';
import { OCTET_STREAM } from './octet-stream-bodies.js';

const ofVersion = { resource: { resolver: ProjectOfModelVersion } };
const ARTIFACT_BYTES = { type: 'string', format: 'binary' } as const;

@ApiTags('model-registry')
@Controller('model-versions')
export class ArtifactsController {
  private readonly logger = new Logger(ArtifactsController.name);

  constructor(
    private readonly upload: UploadArtifactHandler,
    private readonly artifacts: GetArtifactHandler,
    private readonly download: DownloadArtifactHandler,
    private readonly describing: DescribeArtifactDownloadHandler,
    private readonly downloadUrls: GetArtifactDownloadUrlHandler,
    private readonly uploadUrls: GetArtifactUploadUrlHandler,
    private readonly completing: CompleteArtifactUploadHandler,
  ) {}

  @Put(':id/artifact')
  @RouteConfig(STREAMED_BODY)
  @RequirePermission('model:write', ofVersion)
  @ApiOperation({ summary: 'Upload the artifact, streamed (once: artifacts are immutable)' })
  @ApiConsumes(OCTET_STREAM)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ModelVersionResponse })
  @ApiProblem(409, 'The version has its artifact already: artifacts are immutable')
  async uploadArtifact(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ModelVersionResponse> {
    const contentType = mediaTypeOf(request);
    try {
      if (contentType !== OCTET_STREAM) throw new UnsupportedMediaTypeException(`Send the artifact as ${OCTET_STREAM}`);
      const version = await this.upload.execute({
        versionId: id,
        body: streamedBody(request),
        declaredBytes: declaredLength(request),
        contentType,
        actorId: principal.userId,
      });
      return ModelVersionResponse.of(version);
    } catch (error) {
      closeIfUnread(request, reply);
      throw error;
    }
  }

  @Get(':id/artifact')
  @RequirePermission('model:read', ofVersion)
  @ApiOperation({ summary: 'Download the artifact, streamed; single byte ranges answer 206' })
  @ApiOkResponse({ description: 'The artifact', content: { [OCTET_STREAM]: { schema: ARTIFACT_BYTES } } })
  @ApiResponse({
    status: 206,
    description: 'The range asked for',
    content: { [OCTET_STREAM]: { schema: ARTIFACT_BYTES } },
  })
  @ApiResponse({ status: 304, description: 'If-None-Match names the artifact: it never changes' })
  @ApiProblem(404, 'No such version visible to the caller, or it has no artifact yet')
  @ApiProblem(416, 'The range lies outside the artifact')
  async downloadArtifact(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const artifact = await this.artifacts.execute({ versionId: id });
    const etag = `"${artifact.sha256}"`;
    void reply.header('accept-ranges', 'bytes').header('etag', etag);
    if (request.headers['if-none-match'] === etag) return void reply.status(304).send();
    const range = this.rangeOf(request, reply, artifact, etag);
    if (request.method === 'HEAD') {
      this.setDownloadHeaders(reply, id, artifact, await this.describing.execute({ artifact, range }));
      return sendDownloadHeaders(reply);
    }
    const download = await this.download.execute({ artifact, range });
    this.setDownloadHeaders(reply, id, artifact, download);
    await sendDownload(reply, download).catch((error: unknown) => {
      // Nothing to answer any more: the headers are out. A client going away is routine.
      if ((error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      this.logger.warn(`Download of the artifact of ${id} failed after its headers: ${String(error)}`);
    });
  }

  @Get(':id/artifact/download-url')
  @RequirePermission('model:read', ofVersion)
  @ApiOperation({ summary: 'A presigned URL that downloads the artifact without our credentials (S3 only)' })
  @ApiOkResponse({ type: PresignedUrlResponse })
  @ApiProblem(404, 'No such version or artifact')
  @ApiProblem(409, 'The object store cannot sign URLs: presigned URLs need the S3 driver')
  async presignedUrl(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: PresignedUrlQuery,
  ): Promise<PresignedUrlResponse> {
    const { expiresInSeconds } = query;
    return PresignedUrlResponse.of(await this.downloadUrls.execute({ versionId: id, expiresInSeconds }));
  }

  @Post(':id/artifact/upload-url')
  @HttpCode(200)
  @RequirePermission('model:write', ofVersion)
  @ApiOperation({
    summary: 'A presigned URL to PUT the artifact straight into the store (S3 only); then POST .../artifact/complete',
    description: 'The URL signs the exact contentLength and the contentType: send both headers as given.',
  })
  @ApiOkResponse({ type: ArtifactUploadUrlResponse })
  @ApiProblem(409, 'The version has its artifact already, or presigned URLs need the S3 driver')
  @ApiProblem(413, 'contentLength is larger than MODEL_ARTIFACT_MAX_BYTES')
  async uploadUrl(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PresignedUploadRequest,
  ): Promise<ArtifactUploadUrlResponse> {
    const { contentLength, contentType = OCTET_STREAM, expiresInSeconds } = body;
    const url = await this.uploadUrls.execute({ versionId: id, contentLength, contentType, expiresInSeconds });
    return ArtifactUploadUrlResponse.ofUpload(url);
  }

  @Post(':id/artifact/complete')
  @HttpCode(200)
  @RequirePermission('model:write', ofVersion)
  @ApiOperation({
    summary: 'Record the artifact PUT to a presigned upload URL: its size and SHA-256 are read back from the store',
  })
  @ApiOkResponse({ type: ModelVersionResponse })
  @ApiProblem(409, 'Nothing was uploaded for this uploadId, or the version took another artifact')
  @ApiProblem(413, 'The uploaded object is larger than MODEL_ARTIFACT_MAX_BYTES (it is deleted)')
  async completeUpload(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CompleteArtifactUploadRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModelVersionResponse> {
    const version = await this.completing.execute({
      versionId: id,
      uploadId: body.uploadId,
      actorId: principal.userId,
    });
    return ModelVersionResponse.of(version);
  }

  private setDownloadHeaders(
    reply: FastifyReply,
    id: string,
    artifact: Artifact,
    download: Pick<ObjectDownload, 'contentLength' | 'range'>,
  ): void {
    void reply
      .header('content-type', artifact.contentType)
      .header('content-length', String(download.contentLength))
      .header('content-disposition', `attachment; filename="${id}.artifact"`);
    if (download.range) {
      void reply
        .status(206)
        .header('content-range', `bytes ${download.range.start}-${download.range.end}/${artifact.sizeBytes}`);
    }
  }

  /** If-Range with another entity tag asks for the whole (changed) object; ours never change, but the rule holds. */
  private rangeOf(request: FastifyRequest, reply: FastifyReply, artifact: Artifact, etag: string) {
    const ifRange = request.headers['if-range'];
    if (ifRange !== undefined && ifRange !== etag) return undefined;
    try {
      return requestedRange(request.headers.range, artifact.sizeBytes);
    } catch (error) {
      if (error instanceof RangeNotSatisfiableError)
        void reply.header('content-range', `bytes */${artifact.sizeBytes}`);
      throw error;
    }
  }
}
