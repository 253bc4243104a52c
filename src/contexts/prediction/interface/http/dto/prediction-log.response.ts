import {
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
  type ReferenceObject,
  type SchemaObject,
} from '@nestjs/swagger';
import type { PredictionPage } from '../../../application/list-predictions/list-predictions.handler.js';
import type { PredictionRecord } from '../../../application/ports/prediction-records.js';

export class FeedbackResponse {
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] })
  label?: string | number | boolean;
  @ApiPropertyOptional() value?: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** A tensor of a sampled request or answer, as the prediction log kept it. */
export class LoggedTensorResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'FP32' }) datatype!: string;
  @ApiProperty({ type: [Number] }) shape!: number[];
  @ApiProperty({ type: 'array', items: {}, description: 'The values, flat or nested as they were sent or answered' })
  data!: unknown[];
}

/** What the log keeps instead of a payload over its size limit. */
export class TruncatedPayloadResponse {
  @ApiProperty({ enum: [true] }) truncated!: true;
  @ApiProperty({ description: 'The size of the payload as JSON' }) bytes!: number;
}

// A sampled payload: its tensors, or the note that replaced them; null for the answer of a failed prediction.
const LOGGED_PAYLOAD: (SchemaObject | ReferenceObject)[] = [
  { type: 'array', items: { $ref: getSchemaPath(LoggedTensorResponse) } },
  { $ref: getSchemaPath(TruncatedPayloadResponse) },
  { type: 'null' },
];

type LoggedPayload = LoggedTensorResponse[] | TruncatedPayloadResponse | null;

export class PredictionRecordResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) deploymentId!: string;
  @ApiProperty() variant!: string;
  @ApiProperty({ format: 'uuid' }) modelVersionId!: string;
  @ApiProperty({ enum: ['ok', 'failed'] }) outcome!: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
    nullable: true,
    description: 'The first value of the first output: what feedback is judged against',
  })
  predicted!: string | number | boolean | null;
  @ApiProperty() latencyMs!: number;
  @ApiProperty({ nullable: true, type: String, description: 'The W3C trace id of the request' }) traceId!:
    string | null;
  @ApiProperty({ description: 'Whether the payloads were kept (the deployment’s logging.sampleRate)' })
  sampled!: boolean;
  @ApiPropertyOptional({
    oneOf: LOGGED_PAYLOAD,
    description: 'The input tensors, when sampled (a size note when too large)',
  })
  request?: LoggedPayload;
  @ApiPropertyOptional({ oneOf: LOGGED_PAYLOAD, description: 'The output tensors, when sampled (null when it failed)' })
  response?: LoggedPayload;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: FeedbackResponse, nullable: true }) feedback!: FeedbackResponse | null;

  static of(record: PredictionRecord): PredictionRecordResponse {
    return {
      id: record.id,
      deploymentId: record.deploymentId,
      variant: record.variant,
      modelVersionId: record.modelVersionId,
      outcome: record.outcome,
      // The log wrote these (BufferedPredictionLog): the first value of the answer's first tensor, or
      // null, and a sampled payload's tensors, its size note, or null; the database keeps them as JSON.
      predicted: record.predicted as string | number | boolean | null,
      latencyMs: record.latencyMs,
      traceId: record.traceId,
      sampled: record.sampled,
      ...(record.sampled
        ? { request: record.request as LoggedPayload, response: record.response as LoggedPayload }
        : {}),
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
