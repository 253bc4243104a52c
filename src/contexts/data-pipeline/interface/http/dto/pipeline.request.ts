import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

const DEFINITION_EXAMPLE = {
  steps: [
    { name: 'raw', kind: 'extract', source: { kind: 'dataset-version', versionId: '<version id>' } },
    {
      name: 'clean',
      kind: 'transform',
      input: 'raw',
      operations: [
        { op: 'deduplicate', keys: ['id'] },
        { op: 'cast', columns: { age: 'integer' } },
        { op: 'derive', column: 'adult', expression: 'age >= 18' },
      ],
    },
    {
      name: 'checked',
      kind: 'validate',
      input: 'clean',
      key: ['id'],
      suite: { checks: [{ name: 'age plausible', kind: 'between', column: 'age', min: 0, max: 120 }] },
      quarantine: { dataset: 'customers-quarantine' },
    },
    { name: 'store', kind: 'load', input: 'checked', dataset: 'customers-clean', format: 'parquet' },
  ],
};

const DEFINITION_DESCRIPTION =
  'Steps run in order, each reading earlier steps by name (`input`, and `with` of a join). Kinds: ' +
  '`extract` (source: a dataset version of the project, or an object under the project prefix with its format); ' +
  '`transform` (operations: select, rename, cast, filter (expression), derive (column, expression), ' +
  'deduplicate (keys), join (with, on, how), sample (fraction, seed), split (part train|test, trainFraction, seed)); ' +
  '`validate` (a check suite, as for check runs; key columns; quarantine: a dataset receiving the rows that fail ' +
  'error checks); `load` (a dataset of the project receiving a new version; format parquet by default). ' +
  'Problems are named by path (steps[i].operations[j].columns): 400 when the definition is malformed, 422 when it ' +
  'does not fit the project.';

export class DefinePipelineRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: DEFINITION_EXAMPLE,
    description: DEFINITION_DESCRIPTION,
  })
  @IsObject()
  definition!: Record<string, unknown>;
}

export class CreatePipelineRequest extends DefinePipelineRequest {
  @ApiProperty({ example: 'customers-cleaning', description: 'Unique in the project: A-Z a-z 0-9 . _ -' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string;
}
