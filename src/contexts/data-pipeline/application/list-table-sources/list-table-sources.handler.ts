import { Injectable } from '@nestjs/common';
import { TableSources } from '../ports/table-sources.js';
import type { ListTableSourcesQuery } from './list-table-sources.query.js';

/** The names a snapshot may name; how each is reached stays on the server. */
@Injectable()
export class ListTableSourcesHandler {
  constructor(private readonly sources: TableSources) {}

  execute(_query: ListTableSourcesQuery): readonly string[] {
    return this.sources.names();
  }
}
