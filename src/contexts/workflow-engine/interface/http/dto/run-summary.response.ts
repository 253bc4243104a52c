import { ApiProperty } from '@nestjs/swagger';
import type { Page, RunSummary } from '../../../application/list-runs/list-runs.query.js';
import type { RunState } from '../../../domain/run/run-state.js';
import { NEXT_CURSOR } from './next-cursor.js';
import { RUN_STATES } from './requests.js';

export class RunSummaryResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid' }) readonly workflowId!: string;
  @ApiProperty({ type: 'integer' }) readonly workflowVersion!: number;
  @ApiProperty({ enum: RUN_STATES }) readonly state!: RunState;
  @ApiProperty({ type: String, format: 'date-time' }) readonly createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) readonly updatedAt!: Date;

  static of({ id, workflowId, workflowVersion, state, createdAt, updatedAt }: RunSummary): RunSummaryResponse {
    return { id, workflowId, workflowVersion, state, createdAt, updatedAt };
  }
}

export class RunPageResponse {
  @ApiProperty({ type: [RunSummaryResponse] }) readonly items!: RunSummaryResponse[];
  @ApiProperty(NEXT_CURSOR) readonly nextCursor!: string | null;

  static of(page: Page<RunSummary>): RunPageResponse {
    return { items: page.items.map(RunSummaryResponse.of), nextCursor: page.nextCursor };
  }
}
