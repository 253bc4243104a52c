import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsNumber, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageLimit } from '@libs/platform';

export class PredictionSearchQuery extends PageLimit {
  @ApiPropertyOptional({ description: 'Only this variant’s predictions' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,63}$/)
  variant?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this time on (inclusive)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

/** Ground truth: the label the prediction should have had, or the value (at least one). */
export class FeedbackRequest {
  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
    description: 'The true label; accuracy compares it with the predicted one',
  })
  @IsOptional()
  label?: string | number | boolean;

  @ApiPropertyOptional({ description: 'The true value; the mean absolute error compares it with the predicted one' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;
}
