import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SnapshotDatasetVersionRequest {
  @ApiProperty({ example: 'warehouse', description: 'The name of a configured table source (GET /table-sources)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(63)
  source!: string;

  @ApiProperty({
    example: 'SELECT id, name, score FROM customers WHERE active',
    description: "One read-only SELECT (or WITH ... SELECT) statement; its columns must be the dataset's declared ones",
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  query!: string;
}
