import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PERMISSIONS, type Permission } from '../../../domain/access/permission.js';
import type { ApiKey } from '../../../domain/api-keys/api-key.js';

export class CreateApiKeyRequest {
  @ApiProperty({ example: 'ci-deployer' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ format: 'uuid', example: '0195f1c2-7c1e-7a3b-9d4e-5f6a7b8c9d0e' })
  @IsUUID()
  projectId!: string;

  @ApiProperty({ enum: PERMISSIONS, isArray: true, example: ['workflow:read', 'workflow:run'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PERMISSIONS.length)
  @IsIn(PERMISSIONS, { each: true })
  permissions!: Permission[];

  @ApiPropertyOptional({ format: 'date-time', example: '2027-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Issue the key for this service account instead of yourself',
    example: '0195f1c3-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
  })
  @IsOptional()
  @IsUUID()
  serviceAccountId?: string;
}

export class ListApiKeysRequest {
  @ApiPropertyOptional({ format: 'uuid', description: "A service account's keys instead of your own" })
  @IsOptional()
  @IsUUID()
  serviceAccountId?: string;
}

/** A key as listed: its prefix, never its secret or hash. */
export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The first characters of the key, to tell keys apart' }) prefix!: string;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions!: Permission[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;

  static of(key: ApiKey): ApiKeyResponse {
    const state = key.snapshot;
    return {
      id: state.id,
      name: state.name,
      prefix: state.prefix,
      ownerId: state.ownerId,
      projectId: state.projectId,
      permissions: [...state.permissions],
      createdAt: state.createdAt.toISOString(),
      expiresAt: state.expiresAt?.toISOString() ?? null,
      lastUsedAt: state.lastUsedAt?.toISOString() ?? null,
      revokedAt: state.revokedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The key itself, shown this once: store it now' }) key!: string;

  static created(key: ApiKey, secret: string): CreatedApiKeyResponse {
    return { ...ApiKeyResponse.of(key), key: secret };
  }
}
