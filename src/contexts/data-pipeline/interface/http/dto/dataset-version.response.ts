import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ColumnProfile } from '../../../domain/dataset/column-profile.js';
import {
  PRODUCER_KINDS,
  VERSION_FORMATS,
  type DatasetVersion,
  type ProducerKind,
  type VersionFormat,
} from '../../../domain/dataset/dataset-version.js';
import { COLUMN_TYPES } from '../../../domain/schema/column-type.js';

const PROFILE_VALUE = { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true };

export class InferredColumnResponse {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ enum: COLUMN_TYPES, nullable: true, description: 'Null for a type with no logical name' })
  type!: string | null;
  @ApiProperty({ description: "The engine's own type name" }) engineType!: string;
}

export class TopValueResponse {
  @ApiProperty() value!: string;
  @ApiProperty() count!: number;
}

export class HistogramBinResponse {
  @ApiProperty() lower!: number;
  @ApiProperty() upper!: number;
  @ApiProperty() count!: number;
}

export class QuantilesResponse {
  @ApiProperty() p05!: number;
  @ApiProperty() p25!: number;
  @ApiProperty() p50!: number;
  @ApiProperty() p75!: number;
  @ApiProperty() p95!: number;
}

export class ColumnProfileResponse {
  @ApiProperty() name!: string;
  @ApiProperty() type!: string;
  @ApiProperty() nulls!: number;
  @ApiProperty() distinctEstimate!: number;
  @ApiProperty(PROFILE_VALUE) min!: string | number | boolean | null;
  @ApiProperty(PROFILE_VALUE) max!: string | number | boolean | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) mean!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Sample standard deviation' }) stddev!:
    number | null;
  @ApiPropertyOptional({ type: QuantilesResponse, nullable: true }) quantiles!: QuantilesResponse | null;
  @ApiProperty({ type: [TopValueResponse] }) topValues!: TopValueResponse[];
  @ApiPropertyOptional({ type: [HistogramBinResponse], nullable: true }) histogram!: HistogramBinResponse[] | null;
}

export class TableSourceSnapshotResponse {
  @ApiProperty({ description: 'The configured name of the table source' }) name!: string;
  @ApiProperty({ description: 'The snapshot query as it ran' }) query!: string;
}

export class VersionProducerResponse {
  @ApiProperty({ enum: PRODUCER_KINDS }) kind!: ProducerKind;
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) runId!: string | null;
  @ApiPropertyOptional({ type: TableSourceSnapshotResponse, nullable: true })
  tableSource!: TableSourceSnapshotResponse | null;
}

export class DatasetVersionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) datasetId!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ enum: VERSION_FORMATS }) format!: VersionFormat;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() rowCount!: number;
  @ApiProperty({ type: [InferredColumnResponse] }) inferredSchema!: InferredColumnResponse[];
  @ApiProperty({ type: VersionProducerResponse }) producer!: VersionProducerResponse;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  /** An allow-list: the object key stays on the server. */
  static of(version: DatasetVersion): DatasetVersionResponse {
    return {
      id: version.id,
      datasetId: version.datasetId,
      projectId: version.projectId,
      number: version.number,
      format: version.format,
      sizeBytes: version.sizeBytes,
      sha256: version.sha256,
      rowCount: version.rowCount,
      inferredSchema: version.inferredSchema.map(({ name, type, engineType }) => ({
        name,
        type: type ?? null,
        engineType,
      })),
      producer: {
        kind: version.producer.kind,
        actorId: version.producer.actorId,
        runId: version.producer.runId ?? null,
        tableSource: version.producer.tableSource
          ? { name: version.producer.tableSource.name, query: version.producer.tableSource.query }
          : null,
      },
      createdAt: version.createdAt.toISOString(),
    };
  }
}

export class DatasetVersionDetailResponse extends DatasetVersionResponse {
  @ApiProperty({ type: [ColumnProfileResponse] }) profile!: ColumnProfileResponse[];

  static override of(version: DatasetVersion): DatasetVersionDetailResponse {
    return { ...DatasetVersionResponse.of(version), profile: version.profile.map(profileOf) };
  }
}

export class DatasetVersionListResponse {
  @ApiProperty({ type: [DatasetVersionResponse] }) items!: DatasetVersionResponse[];

  static of(versions: readonly DatasetVersion[]): DatasetVersionListResponse {
    return { items: versions.map((version) => DatasetVersionResponse.of(version)) };
  }
}

function profileOf(column: ColumnProfile): ColumnProfileResponse {
  return {
    ...column,
    quantiles: column.quantiles && { ...column.quantiles },
    topValues: column.topValues.map(({ value, count }) => ({ value, count })),
    histogram: column.histogram && column.histogram.map(({ lower, upper, count }) => ({ lower, upper, count })),
  };
}
