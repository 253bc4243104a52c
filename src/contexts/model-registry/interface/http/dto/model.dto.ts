import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsArray, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import type { ModelAlias } from '../../../domain/alias/model-alias.js';
import type { RegisteredModel } from '../../../domain/model/registered-model.js';
import type { ModelPage } from '../../../domain/model/registered-model.repository.js';
import { AliasResponse, PromotionRuleResponse } from './alias.dto.js';

// Absent leaves a field as it is; null is no value, which IsOptional would let through to the handler.
const present = (_request: object, value: unknown): boolean => value !== undefined;

export class RegisterModelRequest {
  @ApiProperty({ example: 'churn-classifier', description: 'Unique in the project; A-Z a-z 0-9 . _ -' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: 'Predicts which customers leave within 90 days' })
  @ValidateIf(present)
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { team: 'growth' } })
  @IsOptional()
  @IsObject()
  tags?: Record<string, string>;

  @ApiPropertyOptional({
    type: [String],
    description: 'Aliases only Approved versions may take',
    example: ['champion'],
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  protectedAliases?: string[];
}

export class UpdateModelRequest {
  @ApiPropertyOptional({ example: 'Predicts which customers leave within 90 days' })
  @ValidateIf(present)
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { team: 'growth' } })
  @ValidateIf(present)
  @IsObject()
  tags?: Record<string, string>;
}

export class ModelResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) tags!: Record<string, string>;
  @ApiProperty({ type: [String] }) protectedAliases!: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: getSchemaPath(PromotionRuleResponse) } },
    description: 'Per alias, the rules a version must pass to take it',
  })
  promotionPolicies!: Record<string, PromotionRuleResponse[]>;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'For If-Match' }) version!: number;

  static of(model: RegisteredModel): ModelResponse {
    const state = model.snapshot;
    return {
      id: state.id,
      projectId: state.projectId,
      name: state.name,
      description: state.description,
      tags: { ...state.tags },
      protectedAliases: [...state.protectedAliases],
      promotionPolicies: Object.fromEntries(
        Object.entries(state.promotionPolicies).map(([alias, rules]) => [alias, [...rules]]),
      ),
      createdBy: state.createdBy,
      createdAt: state.createdAt.toISOString(),
      updatedAt: state.updatedAt.toISOString(),
      version: model.version,
    };
  }
}

export class ModelDetailResponse extends ModelResponse {
  @ApiProperty({ type: [AliasResponse] }) aliases!: AliasResponse[];

  static detail(model: RegisteredModel, aliases: readonly ModelAlias[]): ModelDetailResponse {
    return { ...ModelResponse.of(model), aliases: aliases.map((alias) => AliasResponse.of(alias)) };
  }
}

export class ModelPageResponse {
  @ApiProperty({ type: [ModelResponse] }) items!: ModelResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;

  static of(page: ModelPage): ModelPageResponse {
    return { items: page.items.map((model) => ModelResponse.of(model)), nextCursor: page.nextCursor };
  }
}
