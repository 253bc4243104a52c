import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { COLUMN_TYPES, type ColumnType } from '../../../domain/schema/column-type.js';

export class ColumnRequest {
  @ApiProperty({ example: 'customer_id' }) @IsString() @MaxLength(255) name!: string;
  @ApiProperty({ enum: COLUMN_TYPES }) @IsIn(COLUMN_TYPES) type!: ColumnType;
  @ApiProperty() @IsBoolean() nullable!: boolean;
}

export class DatasetSchemaRequest {
  @ApiProperty({ type: [ColumnRequest] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ColumnRequest)
  columns!: ColumnRequest[];

  @ApiProperty({ type: [String], description: 'Columns naming a row; each must be declared and not nullable' })
  @IsArray()
  @ArrayMaxSize(32)
  @IsString({ each: true })
  primaryKey!: string[];
}

export class CreateDatasetRequest {
  @ApiProperty({ example: 'customers', description: 'Unique in the project: A-Z a-z 0-9 . _ -' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string;

  @ApiProperty({ type: DatasetSchemaRequest })
  // Without it an array passes ValidateNested (each of its items would be checked) and reaches the handler.
  @IsObject()
  @ValidateNested()
  @Type(() => DatasetSchemaRequest)
  schema!: DatasetSchemaRequest;
}
