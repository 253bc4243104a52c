import { ApiProperty } from '@nestjs/swagger';
import type { RunState } from '../../../domain/run/run-state.js';
import { RUN_STATES } from './requests.js';

const NEXT_CURSOR = {
  type: String,
  nullable: true,
  description: 'Pass as `cursor` for the next page; null on the last',
};

export class WorkflowSummaryResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty({ type: 'integer' }) readonly latestVersion!: number;
  @ApiProperty({ type: String, format: 'date-time' }) readonly createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) readonly updatedAt!: Date;
}

export class WorkflowPageResponse {
  @ApiProperty({ type: [WorkflowSummaryResponse] }) readonly items!: WorkflowSummaryResponse[];
  @ApiProperty(NEXT_CURSOR) readonly nextCursor!: string | null;
}

export class RunSummaryResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid' }) readonly workflowId!: string;
  @ApiProperty({ type: 'integer' }) readonly workflowVersion!: number;
  @ApiProperty({ enum: RUN_STATES }) readonly state!: RunState;
  @ApiProperty({ type: String, format: 'date-time' }) readonly createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) readonly updatedAt!: Date;
}

export class RunPageResponse {
  @ApiProperty({ type: [RunSummaryResponse] }) readonly items!: RunSummaryResponse[];
  @ApiProperty(NEXT_CURSOR) readonly nextCursor!: string | null;
}

export class TaskLogLineResponse {
  @ApiProperty({ description: 'Position in the log; a page ends at the last one read' }) readonly seq!: string;
  @ApiProperty({ type: 'integer' }) readonly attempt!: number;
  @ApiProperty({ type: String, format: 'date-time' }) readonly at!: Date;
  @ApiProperty() readonly line!: string;
}

export class TaskLogPageResponse {
  @ApiProperty({ type: [TaskLogLineResponse] }) readonly items!: TaskLogLineResponse[];
  @ApiProperty(NEXT_CURSOR) readonly nextCursor!: string | null;
}
