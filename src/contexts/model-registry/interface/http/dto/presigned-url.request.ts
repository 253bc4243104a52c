import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

// SigV4 presigned URLs live at most seven days; the server caps them lower (MODEL_ARTIFACT_URL_TTL_SECONDS).
const MAX_URL_SECONDS = 604_800;
const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/;
const EXPIRES = {
  minimum: 1,
  maximum: MAX_URL_SECONDS,
  description: 'How long the URL stays valid; MODEL_ARTIFACT_URL_TTL_SECONDS when absent, and never longer',
};

/** `?expiresInSeconds=` of a download URL. */
export class PresignedUrlQuery {
  @ApiPropertyOptional(EXPIRES)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_URL_SECONDS)
  expiresInSeconds?: number;
}

export class ObjectDownloadUrlQuery extends PresignedUrlQuery {
  @ApiProperty({
    description: 'The object key: /-separated segments of A-Z a-z 0-9 . _ = -',
    example: 'runs/42/model.onnx',
  })
  @IsString()
  @MaxLength(500)
  key!: string;
}

/** What a presigned upload signs: the exact length (the store refuses any other), and the type. */
export class PresignedUploadRequest {
  @ApiProperty({ minimum: 1, description: 'The exact size in bytes, at most MODEL_ARTIFACT_MAX_BYTES' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  contentLength!: number;

  @ApiPropertyOptional({ default: 'application/octet-stream', example: 'application/x-onnx' })
  @IsOptional()
  @MaxLength(255)
  @Matches(MEDIA_TYPE, { message: 'contentType must be a media type such as application/octet-stream' })
  contentType?: string;

  @ApiPropertyOptional(EXPIRES)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_URL_SECONDS)
  expiresInSeconds?: number;
}

export class ObjectUploadUrlRequest extends PresignedUploadRequest {
  @ApiProperty({
    description: 'The object key: /-separated segments of A-Z a-z 0-9 . _ = -',
    example: 'runs/42/model.onnx',
  })
  @IsString()
  @MaxLength(500)
  key!: string;
}

export class CompleteArtifactUploadRequest {
  @ApiProperty({ format: 'uuid', description: 'The uploadId the upload URL came with' })
  @IsUUID()
  uploadId!: string;
}
