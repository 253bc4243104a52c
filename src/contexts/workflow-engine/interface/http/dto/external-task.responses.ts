import { ApiProperty } from '@nestjs/swagger';
import type { JsonObject, JsonValue } from '../../../domain/json-value.js';

export class LeaseResponse {
  @ApiProperty({ type: String, format: 'date-time' }) readonly leaseExpiresAt!: Date;
}

export class ExternalTaskClaimResponse extends LeaseResponse {
  @ApiProperty({ format: 'uuid' }) readonly taskRunId!: string;
  @ApiProperty({ format: 'uuid' }) readonly runId!: string;
  @ApiProperty() readonly taskId!: string;
  @ApiProperty({ type: 'integer', description: 'The attempt the lease is for' }) readonly attempt!: number;
  @ApiProperty({ format: 'uuid', description: 'Send it with every report of this attempt' })
  readonly leaseToken!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The task's params, rendered" })
  readonly params!: JsonValue;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The upstream tasks' outputs by task id" })
  readonly inputs!: JsonObject;
}
