import { ApiProperty } from '@nestjs/swagger';
import type { Page, WorkflowSummary } from '../../../application/list-workflows/list-workflows.query.js';
import { NEXT_CURSOR } from './next-cursor.js';

export class WorkflowSummaryResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty({ type: 'integer' }) readonly latestVersion!: number;
  @ApiProperty({ type: String, format: 'date-time' }) readonly createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) readonly updatedAt!: Date;

  static of({ id, name, latestVersion, createdAt, updatedAt }: WorkflowSummary): WorkflowSummaryResponse {
    return { id, name, latestVersion, createdAt, updatedAt };
  }
}

export class WorkflowPageResponse {
  @ApiProperty({ type: [WorkflowSummaryResponse] }) readonly items!: WorkflowSummaryResponse[];
  @ApiProperty(NEXT_CURSOR) readonly nextCursor!: string | null;

  static of(page: Page<WorkflowSummary>): WorkflowPageResponse {
    return { items: page.items.map(WorkflowSummaryResponse.of), nextCursor: page.nextCursor };
  }
}
