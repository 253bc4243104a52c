import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_VARIANTS, RUNTIMES } from '../../../domain/deployment/variant.js';
import { ServingOptionsRequest } from './serving-options.request.js';
import { ROUTING_MODES, type RoutingMode } from '../../../domain/routing/traffic-router.js';

/** A remote runtime's endpoint: the SageMaker fields for `sagemaker`, the v2 server's for `v2-remote`. */
export class EndpointRequest {
  @ApiPropertyOptional({ description: 'sagemaker: the SageMaker endpoint name' })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  endpointName?: string;

  @ApiPropertyOptional({ description: 'sagemaker: its AWS region; the AWS environment’s when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  region?: string;

  @ApiPropertyOptional({ description: 'sagemaker: one production variant of the endpoint (TargetVariant)' })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  targetVariant?: string;

  @ApiPropertyOptional({ enum: ['application/json'], default: 'application/json' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contentType?: string;

  @ApiPropertyOptional({ description: 'v2-remote: the server’s base URL, checked by the outbound policy' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: 'v2-remote: the model name on that server' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  modelName?: string;

  @ApiPropertyOptional({ description: 'v2-remote: the model version on that server' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  modelVersion?: string;
}

export class VariantRequest {
  @ApiProperty({ example: 'champion', description: 'Unique in the deployment: a DNS label' })
  @IsString()
  @MaxLength(63)
  name!: string;

  @ApiProperty({ example: 'churn@champion', description: '<model name>@<alias>, or a model version id' })
  @IsString()
  @MaxLength(400)
  model!: string;

  @ApiProperty({ enum: RUNTIMES }) @IsString() @MaxLength(40) runtime!: string;

  @ApiPropertyOptional({
    default: 1,
    description: 'Share of the traffic, relative to the other variants; 0 for a shadow',
  })
  @IsOptional()
  @IsNumber()
  weight?: number;

  @ApiPropertyOptional({
    default: false,
    description: 'Receives a copy of every request; its answer is recorded, never returned',
  })
  @IsOptional()
  @IsBoolean()
  shadow?: boolean;

  @ApiPropertyOptional({ type: EndpointRequest, description: 'Required by the sagemaker and v2-remote runtimes' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EndpointRequest)
  endpoint?: EndpointRequest;
}

export class RoutingRequest {
  @ApiPropertyOptional({ enum: ROUTING_MODES, default: 'split' }) @IsOptional() @IsIn(ROUTING_MODES) mode?: RoutingMode;

  @ApiPropertyOptional({
    default: 'X-Request-Key',
    description: 'In sticky mode, the header whose value keeps a caller on one variant',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  requestKeyHeader?: string;

  @ApiPropertyOptional({
    default: 20,
    description: 'In bandit mode, the judged feedback each variant needs before Thompson sampling replaces the weights',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minFeedback?: number;
}

export class UpdateDeploymentRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string;

  @ApiPropertyOptional({ type: RoutingRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoutingRequest)
  routing?: RoutingRequest;

  @ApiPropertyOptional({ type: ServingOptionsRequest, description: 'Response cache and micro-batching; omitted: kept' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ServingOptionsRequest)
  serving?: ServingOptionsRequest;

  @ApiProperty({ type: [VariantRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VARIANTS)
  @ValidateNested({ each: true })
  @Type(() => VariantRequest)
  variants!: VariantRequest[];
}

export class CreateDeploymentRequest extends UpdateDeploymentRequest {
  @ApiProperty({
    example: 'churn',
    description: 'Unique in the project, a DNS label: the model name of the inference protocol',
  })
  @IsString()
  @MaxLength(63)
  name!: string;
}
