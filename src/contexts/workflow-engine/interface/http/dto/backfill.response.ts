import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BackfilledSlot } from '../../../application/backfill-workflow/backfill-workflow.command.js';

export class BackfillSlotResponse {
  @ApiProperty({ format: 'date-time' }) readonly scheduledFor!: string;
  @ApiPropertyOptional({ format: 'uuid', description: "The slot's run, started now or before" })
  readonly runId?: string;
  @ApiProperty({ description: 'Whether this request started the run' }) readonly created!: boolean;
  @ApiPropertyOptional({ enum: [true], description: 'The concurrency policy skipped the slot' })
  readonly skipped?: true;

  static of({ scheduledFor, runId, created, skipped }: BackfilledSlot): BackfillSlotResponse {
    return {
      scheduledFor,
      ...(runId !== undefined && { runId }),
      created,
      ...(skipped !== undefined && { skipped }),
    };
  }
}

export class BackfillResponse {
  @ApiProperty({ type: [BackfillSlotResponse], description: 'One entry per slot, oldest first' })
  readonly slots!: readonly BackfillSlotResponse[];

  static of(slots: readonly BackfilledSlot[]): BackfillResponse {
    return { slots: slots.map(BackfillSlotResponse.of) };
  }
}
