import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CheckStatus, FailingRows, KeyValue, ResultDetail } from '../../../domain/checks/check-result.js';
import type { CheckRun, StoredCheckResult } from '../../../domain/checks/check-run.js';
import type { CheckSuiteInput } from '../../../domain/checks/check-suite.js';

const STATUSES = ['pass', 'warn', 'fail'] as const;
const KEY_VALUE = { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true };

export class FailingRowsResponse {
  @ApiProperty({ description: 'Every failing row, exactly' }) total!: number;
  @ApiProperty({ type: [String], description: 'The key columns, in the order each key lists its values' })
  keyColumns!: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: KEY_VALUE },
    description: 'The keys of the first failing rows by key order, up to the suite’s failingKeyLimit',
  })
  keys!: KeyValue[][];

  static of(rows: FailingRows): FailingRowsResponse {
    return Object.assign(new FailingRowsResponse(), {
      total: rows.total,
      keyColumns: [...rows.keyColumns],
      keys: rows.keys.map((key) => [...key]),
    });
  }
}

export class CheckResultResponse {
  @ApiProperty({ format: 'uuid', description: 'The check-result node of the lineage graph' }) id!: string;
  @ApiProperty() check!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ enum: ['warn', 'error'] }) severity!: string;
  @ApiProperty({ enum: STATUSES }) status!: CheckStatus;
  @ApiPropertyOptional({ nullable: true, type: Number }) observedValue!: number | null;
  @ApiProperty({ example: '> 10 rows' }) threshold!: string;
  @ApiPropertyOptional({ type: FailingRowsResponse }) failingRows?: FailingRowsResponse;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, ResultDetail>;

  static of(result: StoredCheckResult): CheckResultResponse {
    return Object.assign(new CheckResultResponse(), {
      id: result.id,
      check: result.check,
      kind: result.kind,
      severity: result.severity,
      status: result.status,
      observedValue: result.observedValue,
      threshold: result.threshold,
      ...(result.failingRows && { failingRows: FailingRowsResponse.of(result.failingRows) }),
      details: { ...result.details },
    });
  }
}

export class CheckRunResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) datasetId!: string | null;
  @ApiProperty({
    format: 'uuid',
    type: String,
    nullable: true,
    description: 'The checked version; null when a pipeline run checked an intermediate table',
  })
  versionId!: string | null;
  @ApiProperty({
    format: 'uuid',
    type: String,
    nullable: true,
    description: 'The pipeline run whose validate step ran the suite',
  })
  pipelineRunId!: string | null;
  @ApiProperty({ enum: STATUSES, description: 'The worst status of its results' }) status!: CheckStatus;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The suite as submitted' })
  suite!: CheckSuiteInput;
  @ApiProperty({ type: [CheckResultResponse] }) results!: CheckResultResponse[];
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(run: CheckRun): CheckRunResponse {
    return Object.assign(new CheckRunResponse(), {
      id: run.id,
      projectId: run.projectId,
      datasetId: run.datasetId,
      versionId: run.versionId,
      pipelineRunId: run.pipelineRunId,
      status: run.status,
      suite: run.suite,
      results: run.results.map((result) => CheckResultResponse.of(result)),
      createdBy: run.actorId,
      createdAt: run.createdAt.toISOString(),
    });
  }
}

export class CheckRunListResponse {
  @ApiProperty({ type: [CheckRunResponse] }) items!: CheckRunResponse[];

  static of(runs: readonly CheckRun[]): CheckRunListResponse {
    return Object.assign(new CheckRunListResponse(), { items: runs.map((run) => CheckRunResponse.of(run)) });
  }
}
