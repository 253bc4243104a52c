import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { PageLimit } from '@libs/platform';
import { IsDate, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MODEL_VERSION_STATUSES, type ModelVersionStatus } from '../../../domain/version/model-version-status.js';

/** Cursor pagination with the registry's opaque cursor (base64url), not the platform's UUID `PageQuery`. */
class RegistryPageQuery extends PageLimit {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class ModelSearchQuery extends RegistryPageQuery {
  @ApiPropertyOptional({ description: 'Names starting with this' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  namePrefix?: string;

  @ApiPropertyOptional({ description: '`key` (present) or `key=value`', example: 'team=growth' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  tag?: string;

  @ApiPropertyOptional({ description: 'Models with an alias of this name' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,63}$/)
  alias?: string;

  @ApiPropertyOptional({ enum: MODEL_VERSION_STATUSES, description: 'Models with a version in this status' })
  @IsOptional()
  @IsIn(MODEL_VERSION_STATUSES)
  approvalStatus?: ModelVersionStatus;

  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate() createdAfter?: Date;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate() createdBefore?: Date;
}

export class VersionListQuery extends RegistryPageQuery {
  @ApiPropertyOptional({ enum: MODEL_VERSION_STATUSES })
  @IsOptional()
  @IsIn(MODEL_VERSION_STATUSES)
  status?: ModelVersionStatus;
}

export class ResolveQuery {
  @ApiProperty({ description: 'name@alias', example: 'churn-classifier@champion' })
  @IsString()
  @MaxLength(200)
  ref!: string;
}
