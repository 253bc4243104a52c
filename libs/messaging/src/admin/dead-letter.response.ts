import { ApiProperty } from '@nestjs/swagger';

export class DeadLetterResponse {
  @ApiProperty({ description: 'The dead-letter stream entry id', example: '1764150000000-0' }) readonly id!: string;
  @ApiProperty({ description: 'The stream the event came from', example: 'events.model-registry' })
  readonly stream!: string;
  @ApiProperty({ description: 'The consumer group that gave up on it' }) readonly consumer!: string;
  @ApiProperty({ description: 'Its entry id in that stream' }) readonly entryId!: string;
  @ApiProperty({ description: 'The integration event type' }) readonly type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event envelope as it was delivered' })
  readonly envelope!: unknown;
  @ApiProperty({ description: 'The last error of the handler' }) readonly error!: string;
  @ApiProperty({ type: 'integer' }) readonly deliveries!: number;
  @ApiProperty({ format: 'date-time' }) readonly failedAt!: string;
}

export class DeadLetterPageResponse {
  @ApiProperty({ type: [DeadLetterResponse] }) readonly items!: DeadLetterResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  readonly nextCursor!: string | null;
}
