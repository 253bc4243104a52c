import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BackfillSlotResponse {
  @ApiProperty({ format: 'date-time' }) readonly scheduledFor!: string;
  @ApiPropertyOptional({ format: 'uuid', description: "The slot's run, started now or before" })
  readonly runId?: string;
  @ApiProperty({ description: 'Whether this request started the run' }) readonly created!: boolean;
  @ApiPropertyOptional({ enum: [true], description: 'The concurrency policy skipped the slot' })
  readonly skipped?: true;
}

export class BackfillResponse {
  @ApiProperty({ type: [BackfillSlotResponse], description: 'One entry per slot, oldest first' })
  readonly slots!: readonly BackfillSlotResponse[];
}
