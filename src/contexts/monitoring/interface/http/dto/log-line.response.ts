import { ApiProperty } from '@nestjs/swagger';
import { RUN_LOG_LEVELS, type LogRecord } from '@libs/platform';
import type { LogPage } from '../../../application/search-logs/search-logs.query.js';

export class LogLineResponse {
  @ApiProperty({ enum: ['task-run', 'pipeline-run', 'batch-prediction'], description: 'The kind of run that wrote it' })
  source!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: RUN_LOG_LEVELS }) level!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'uuid', description: 'The workflow run, pipeline run or batch prediction' }) runId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The task key or pipeline step' }) taskId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) attempt!: number | null;

  static of(record: LogRecord): LogLineResponse {
    return {
      source: record.source,
      at: record.at.toISOString(),
      level: record.level,
      message: record.message,
      runId: record.runId,
      taskId: record.taskId,
      attempt: record.attempt,
    };
  }
}

export class LogPageResponse {
  @ApiProperty({ type: [LogLineResponse] }) items!: LogLineResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;

  static of(page: LogPage): LogPageResponse {
    return { items: page.items.map((record) => LogLineResponse.of(record)), nextCursor: page.nextCursor };
  }
}
