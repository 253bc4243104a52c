import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

const EVENT_TYPES_DESCRIPTION =
  'Integration event types (`workflow-engine.workflow-run.succeeded.v1`) or every event of a context (`model-registry.*`)';

export class CreateWebhookRequest {
  @ApiProperty({ example: 'https://hooks.example.com/ml-platform', description: 'https (http only where allowed)' })
  @IsString()
  @MaxLength(2048)
  url!: string;

  @ApiProperty({ type: [String], description: EVENT_TYPES_DESCRIPTION, example: ['workflow-engine.*'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  eventTypes!: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateWebhookRequest {
  @ApiPropertyOptional({ description: 'https (http only where allowed)' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ type: [String], description: EVENT_TYPES_DESCRIPTION })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
