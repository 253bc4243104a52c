import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@libs/platform';
import { ALERT_STATES } from '../../../domain/alerts/alert-state.js';

export class AlertHistoryQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this rule' }) @IsOptional() @IsUUID() rule?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive' }) @IsOptional() @IsDateString() to?: string;
}

export class CurrentAlertsQuery {
  @ApiPropertyOptional({ enum: ALERT_STATES, description: 'One state; by default every alert that is not inactive' })
  @IsOptional()
  @IsIn(ALERT_STATES)
  state?: (typeof ALERT_STATES)[number];
}
