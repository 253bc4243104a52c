import { ApiProperty } from '@nestjs/swagger';
import type { PresignedRequest } from '@libs/storage/ports';
import type { ArtifactUploadUrl } from '../../../application/get-artifact-upload-url/get-artifact-upload-url.query.js';
import type { ProjectObjectUploadUrl } from '../../../application/get-project-object-upload-url/get-project-object-upload-url.query.js';

export class PresignedUrlResponse {
  @ApiProperty({ format: 'uri' }) readonly url!: string;
  @ApiProperty({ enum: ['GET', 'PUT'] }) readonly method!: 'GET' | 'PUT';
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Headers to send as they were signed',
  })
  readonly headers!: Readonly<Record<string, string>>;
  @ApiProperty({ type: String, format: 'date-time' }) readonly expiresAt!: Date;

  static of(presigned: PresignedRequest): PresignedUrlResponse {
    const { url, method, headers, expiresAt } = presigned;
    return { url, method, headers, expiresAt };
  }
}

export class ArtifactUploadUrlResponse extends PresignedUrlResponse {
  @ApiProperty({ format: 'uuid', description: 'Pass to POST .../artifact/complete once the PUT succeeded' })
  readonly uploadId!: string;

  static ofUpload({ uploadId, presigned }: ArtifactUploadUrl): ArtifactUploadUrlResponse {
    return { uploadId, ...PresignedUrlResponse.of(presigned) };
  }
}

export class ProjectObjectUploadUrlResponse extends PresignedUrlResponse {
  @ApiProperty({ example: 'runs/42/model.onnx' }) readonly key!: string;
  @ApiProperty({
    example: 'objects:///project-objects/0195f1c4-2b3c-7d4e-8f5a-6b7c8d9e0f1a/runs/42/model.onnx',
    description: 'What a model.register-version task takes as its artifactUri, once the PUT succeeded',
  })
  readonly uri!: string;

  static ofUpload({ key, uri, presigned }: ProjectObjectUploadUrl): ProjectObjectUploadUrlResponse {
    return { key, uri, ...PresignedUrlResponse.of(presigned) };
  }
}
