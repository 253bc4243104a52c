import { ApiProperty } from '@nestjs/swagger';
import type { Dataset } from '../../../domain/dataset/dataset.js';
import { COLUMN_TYPES, type ColumnType } from '../../../domain/schema/column-type.js';

export class ColumnResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: COLUMN_TYPES }) type!: ColumnType;
  @ApiProperty() nullable!: boolean;
}

export class DatasetSchemaResponse {
  @ApiProperty({ type: [ColumnResponse] }) columns!: ColumnResponse[];
  @ApiProperty({ type: [String] }) primaryKey!: string[];
}

export class DatasetResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: DatasetSchemaResponse }) schema!: DatasetSchemaResponse;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(dataset: Dataset): DatasetResponse {
    const state = dataset.snapshot;
    return {
      id: state.id,
      projectId: state.projectId,
      name: state.name,
      description: state.description,
      schema: {
        columns: state.schema.columns.map(({ name, type, nullable }) => ({ name, type, nullable })),
        primaryKey: [...state.schema.primaryKey],
      },
      createdBy: state.createdBy,
      createdAt: state.createdAt.toISOString(),
    };
  }
}

export class DatasetListResponse {
  @ApiProperty({ type: [DatasetResponse] }) items!: DatasetResponse[];

  static of(datasets: readonly Dataset[]): DatasetListResponse {
    return { items: datasets.map((dataset) => DatasetResponse.of(dataset)) };
  }
}
