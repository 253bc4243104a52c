import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PredictionPage } from '../../../application/list-predictions/list-predictions.handler.js';
import type { PredictionRecord } from '../../../application/ports/prediction-records.js';

export class FeedbackResponse {
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] })
  label?: string | number | boolean;
  @ApiPropertyOptional() value?: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class PredictionRecordResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) deploymentId!: string;
  @ApiProperty() variant!: string;
  @ApiProperty({ format: 'uuid' }) modelVersionId!: string;
  @ApiProperty({ enum: ['ok', 'failed'] }) outcome!: string;
  @ApiProperty({ description: 'The first value of the first output: what feedback is judged against', nullable: true })
  predicted!: unknown;
  @ApiProperty() latencyMs!: number;
  @ApiProperty({ nullable: true, type: String, description: 'The W3C trace id of the request' }) traceId!:
    string | null;
  @ApiProperty({ description: 'Whether the payloads were kept (the deployment’s logging.sampleRate)' })
  sampled!: boolean;
  @ApiPropertyOptional({ description: 'The input tensors, when sampled (a size note when too large)' })
  request?: unknown;
  @ApiPropertyOptional({ description: 'The output tensors, when sampled' }) response?: unknown;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: FeedbackResponse, nullable: true }) feedback!: FeedbackResponse | null;

  static of(record: PredictionRecord): PredictionRecordResponse {
    return {
      id: record.id,
      deploymentId: record.deploymentId,
      variant: record.variant,
      modelVersionId: record.modelVersionId,
      outcome: record.outcome,
      predicted: record.predicted,
      latencyMs: record.latencyMs,
      traceId: record.traceId,
      sampled: record.sampled,
      ...(record.sampled ? { request: record.request, response: record.response } : {}),
      createdAt: record.createdAt.toISOString(),
      feedback:
        record.feedback && record.feedbackAt ? { ...record.feedback, at: record.feedbackAt.toISOString() } : null,
    };
  }
}

export class PredictionPageResponse {
  @ApiProperty({ type: [PredictionRecordResponse] }) items!: PredictionRecordResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;

  static of(page: PredictionPage): PredictionPageResponse {
    return {
      items: page.items.map((record) => PredictionRecordResponse.of(record)),
      nextCursor: page.nextCursor ?? null,
    };
  }
}
