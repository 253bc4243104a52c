import { ApiProperty } from '@nestjs/swagger';
import type { ServingOptions } from '../../../domain/deployment/serving-options.js';

export class CacheOptionsResponse {
  @ApiProperty() enabled!: boolean;
  @ApiProperty() ttlSeconds!: number;
}

export class BatchingOptionsResponse {
  @ApiProperty() enabled!: boolean;
  @ApiProperty() maxSize!: number;
  @ApiProperty() maxWaitMs!: number;
}

export class LoggingOptionsResponse {
  @ApiProperty() sampleRate!: number;
  @ApiProperty() retentionDays!: number;
}

export class PromotionOptionsResponse {
  @ApiProperty() enabled!: boolean;
  @ApiProperty() alias!: string;
}

export class ExperimentOptionsResponse {
  @ApiProperty({ enum: ['accuracy', 'mae'] }) metric!: string;
  @ApiProperty({ enum: ['fixed-horizon', 'sequential'] }) test!: string;
  @ApiProperty() alpha!: number;
  @ApiProperty() minSamples!: number;
  @ApiProperty() mixtureSd!: number;
  @ApiProperty({ type: PromotionOptionsResponse }) promote!: PromotionOptionsResponse;
}

export class ServingOptionsResponse {
  @ApiProperty({ type: CacheOptionsResponse }) cache!: CacheOptionsResponse;
  @ApiProperty({ type: BatchingOptionsResponse }) batching!: BatchingOptionsResponse;
  @ApiProperty({ type: LoggingOptionsResponse }) logging!: LoggingOptionsResponse;
  @ApiProperty({ type: ExperimentOptionsResponse }) experiment!: ExperimentOptionsResponse;

  static of(options: ServingOptions): ServingOptionsResponse {
    return {
      cache: { ...options.cache },
      batching: { ...options.batching },
      logging: { ...options.logging },
      experiment: { ...options.experiment, promote: { ...options.experiment.promote } },
    };
  }
}
