import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsObject, IsOptional } from 'class-validator';
import type { CheckInput } from '../../../domain/checks/check-input.js';

export class RunCheckSuiteRequest {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [
      { name: 'email present', kind: 'not_null', column: 'email', severity: 'warn', threshold: '> 0.5%' },
      { name: 'known country', kind: 'accepted_values', column: 'country', values: ['DE', 'FR'] },
      {
        name: 'orders exist',
        kind: 'relationships',
        columns: ['order_id'],
        reference: '<version id>',
        referenceColumns: ['id'],
      },
    ],
    description:
      'The checks of the catalogue (not_null, unique, accepted_values, between, regex, relationships, custom_sql, ' +
      'row_count_between, schema, freshness, psi_drift, ks_drift); a relationships or drift check names its ' +
      'reference by the id of another dataset version of the project. Each check is validated by the catalogue, ' +
      'which names the field of a problem as checks[i].field.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  checks!: CheckInput[];

  @ApiPropertyOptional({ minimum: 0, maximum: 100_000, default: 1_000, description: 'Failing keys kept per result' })
  @IsOptional()
  @IsInt()
  failingKeyLimit?: number;
}
