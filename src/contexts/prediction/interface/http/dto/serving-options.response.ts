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

export class ServingOptionsResponse {
  @ApiProperty({ type: CacheOptionsResponse }) cache!: CacheOptionsResponse;
  @ApiProperty({ type: BatchingOptionsResponse }) batching!: BatchingOptionsResponse;

  static of(options: ServingOptions): ServingOptionsResponse {
    return { cache: { ...options.cache }, batching: { ...options.batching } };
  }
}
