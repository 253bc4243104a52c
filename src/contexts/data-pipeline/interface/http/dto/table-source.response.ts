import { ApiProperty } from '@nestjs/swagger';

export class TableSourceResponse {
  @ApiProperty({ example: 'warehouse' }) name!: string;
}

/** Names only: how a source is reached stays on the server. */
export class TableSourceListResponse {
  @ApiProperty({ type: [TableSourceResponse] }) items!: TableSourceResponse[];

  static of(names: readonly string[]): TableSourceListResponse {
    return { items: names.map((name) => ({ name })) };
  }
}
