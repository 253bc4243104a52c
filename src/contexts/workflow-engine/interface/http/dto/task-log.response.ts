import { ApiProperty } from '@nestjs/swagger';
import type { Page, TaskLogLine } from '../../../application/read-task-logs/read-task-logs.query.js';
import { NEXT_CURSOR } from './next-cursor.js';

export class TaskLogLineResponse {
  @ApiProperty({ description: 'Position in the log; a page ends at the last one read' }) readonly seq!: string;
  @ApiProperty({ type: 'integer' }) readonly attempt!: number;
  @ApiProperty({ type: String, format: 'date-time' }) readonly at!: Date;
  @ApiProperty() readonly line!: string;

  static of({ seq, attempt, at, line }: TaskLogLine): TaskLogLineResponse {
    return { seq, attempt, at, line };
  }
}

export class TaskLogPageResponse {
  @ApiProperty({ type: [TaskLogLineResponse] }) readonly items!: TaskLogLineResponse[];
  @ApiProperty(NEXT_CURSOR) readonly nextCursor!: string | null;

  static of(page: Page<TaskLogLine>): TaskLogPageResponse {
    return { items: page.items.map(TaskLogLineResponse.of), nextCursor: page.nextCursor };
  }
}
