import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TableSources, type SnapshotFile, type SnapshotRequest } from '../../application/ports/table-sources.js';
import { TableSourceUnknown } from '../../domain/table-source/table-source-errors.js';
import type { DuckDbSettings } from '../duckdb/duckdb-settings.js';
import { writeParquetFromCsv } from '../duckdb/parquet-from-csv.js';
import { PostgresSnapshotExport } from './postgres-snapshot-export.js';
import type { SourceExport } from './source-export.js';
import type { TableSourceConnection, TableSourceSettings } from './table-source-settings.js';

/**
 * The table sources of the environment (DATA_TABLE_SOURCES). A snapshot is exported by the source's
 * engine to a CSV in a private temporary directory under the engine's spill directory, turned into
 * Parquet by DuckDB with the exported column types, handed over, and removed when the work settles.
 */
export class ConfiguredTableSources extends TableSources {
  constructor(
    private readonly settings: TableSourceSettings,
    private readonly engine: DuckDbSettings,
  ) {
    super();
  }

  names(): readonly string[] {
    return this.settings.sources.map((source) => source.name);
  }

  async withSnapshot<T>(request: SnapshotRequest, work: (file: SnapshotFile) => Promise<T>): Promise<T> {
    const connection = this.settings.sources.find((source) => source.name === request.source);
    if (!connection) throw new TableSourceUnknown(request.source);
    await mkdir(this.engine.tempDirectory, { recursive: true });
    const directory = await mkdtemp(join(this.engine.tempDirectory, 'snapshot-'));
    try {
      const csv = join(directory, 'rows.csv');
      const parquet = join(directory, 'rows.parquet');
      const exported = await this.exportOf(connection).toCsv(request.query.text, csv, request.maxBytes);
      await writeParquetFromCsv(this.engine, { path: csv, columns: exported.columns }, parquet);
      await rm(csv);
      const { size } = await stat(parquet);
      return await work({ path: parquet, sizeBytes: size, read: () => createReadStream(parquet) });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }

  /** The engine of a source, by its URL's scheme (only PostgreSQL's are accepted at boot today). */
  private exportOf(connection: TableSourceConnection): SourceExport {
    return new PostgresSnapshotExport(connection, this.settings.statementTimeoutMs);
  }
}
