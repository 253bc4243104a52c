import { Injectable } from '@nestjs/common';
import { AmbientTransaction } from '@libs/platform';
import type { Sample } from '../../domain/alerts/sample.js';

interface BacklogRow {
  readonly schema: string;
  readonly unpublished: number;
}

/**
 * Unpublished rows of every context's outbox, counted as readiness counts them (the bus's own table,
 * not a context's data: docs/adr/0604). Every schema that has an outbox is read, whichever contexts
 * this process hosts, so one evaluator sees the whole platform. A context's name is its schema's.
 */
@Injectable()
export class OutboxBacklogReader {
  constructor(private readonly scope: AmbientTransaction) {}

  async read(context: string | undefined): Promise<Sample[]> {
    const manager = this.scope.manager();
    const schemas: { schemaname: string }[] = await manager.query(
      `SELECT schemaname FROM pg_catalog.pg_tables WHERE tablename = 'outbox' ORDER BY schemaname`,
    );
    const samples: Sample[] = [];
    for (const { schemaname } of schemas) {
      const name = schemaname.replaceAll('_', '-');
      if (context !== undefined && name !== context) continue;
      const [row]: BacklogRow[] = await manager.query(
        `SELECT $1::text AS schema, count(*)::int AS unpublished
         FROM "${schemaname.replaceAll('"', '""')}".outbox WHERE stream_entry_id IS NULL`,
        [schemaname],
      );
      samples.push({ projectId: null, labels: { context: name }, value: row.unpublished, lineage: [] });
    }
    return samples;
  }
}
