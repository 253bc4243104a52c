import { ApiProperty } from '@nestjs/swagger';
import type { PresignedRequest } from '@libs/storage/ports';

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
