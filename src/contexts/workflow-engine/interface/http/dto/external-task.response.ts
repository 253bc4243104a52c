import { ApiProperty } from '@nestjs/swagger';
import type { ExternalTaskClaim } from '../../../application/claim-external-task/claim-external-task.command.js';
import type { JsonObject, JsonValue } from '../../../domain/json-value.js';

const LEASE_EXPIRES_AT = { type: String, format: 'date-time' };

export class LeaseResponse {
  @ApiProperty(LEASE_EXPIRES_AT) readonly leaseExpiresAt!: Date;

  static of(leaseExpiresAt: Date): LeaseResponse {
    return { leaseExpiresAt };
  }
}

/** A claimed task: what `LeaseResponse` says of the lease, and the attempt to run. */
export class ExternalTaskClaimResponse {
  @ApiProperty(LEASE_EXPIRES_AT) readonly leaseExpiresAt!: Date;
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

  static of(claim: ExternalTaskClaim): ExternalTaskClaimResponse {
    const { taskRunId, runId, taskId, attempt, leaseToken, leaseExpiresAt, params, inputs } = claim;
    return { taskRunId, runId, taskId, attempt, leaseToken, leaseExpiresAt, params, inputs };
  }
}
