import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { NotFoundError } from '@libs/ddd';
import { QueryEngine } from '../application/ports/query-engine.js';
import { columnProblems } from '../domain/dataset/version-conformance.js';
import type { Dataset } from '../domain/dataset/dataset.js';
import { SchemaMismatch } from '../domain/errors.js';
import { writeParquetFromJsonLines } from './duckdb/parquet-from-json-lines.js';
import { LocalTableCopies } from '../application/ports/local-table-copies.js';
import { VersionIntake } from '../application/services/version-intake.js';
import {
  DatasetFiles,
  type DatasetVersionSummary,
  type ProducedVersion,
  type RegisteredVersion,
  type VersionRows,
} from '../contracts/dataset-files.facade.js';
import type { DatasetVersion } from '../domain/dataset/dataset-version.js';
import { DatasetVersionRepository } from '../domain/dataset/dataset-version.repository.js';
import { DatasetRepository } from '../domain/dataset/dataset.repository.js';
import { DuckDbSession } from './duckdb/duckdb-session.js';
import type { DuckDbSettings } from './duckdb/duckdb-settings.js';
import { LoadedVersionRows } from './duckdb/loaded-version-rows.js';
import { AmbientTransaction } from '@libs/platform';
import { DatasetVersionOrmEntity } from './persistence/dataset-version.orm-entity.js';

/**
 * The in-process binding of the facade (built by a factory: it takes the engine settings): rows
 * read through a private DuckDB session; produced JSON Lines become Parquet versions through the
 * usual intake.
 */
export class LocalDatasetFiles extends DatasetFiles {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly versions: DatasetVersionRepository,
    private readonly copies: LocalTableCopies,
    private readonly intake: VersionIntake,
    private readonly scope: AmbientTransaction,
    private readonly engine: DuckDbSettings,
    private readonly query: QueryEngine,
  ) {
    super();
  }

  async summaryOf(projectId: string, versionId: string): Promise<DatasetVersionSummary | undefined> {
    const version = await this.versions.find(versionId);
    return version?.projectId === projectId ? summaryOf(version) : undefined;
  }

  async hasDataset(projectId: string, datasetId: string): Promise<boolean> {
    return (await this.datasets.find(datasetId))?.projectId === projectId;
  }

  async withRowsOf<T>(projectId: string, versionId: string, work: (rows: VersionRows) => Promise<T>): Promise<T> {
    const version = await this.versions.find(versionId);
    if (version?.projectId !== projectId) throw new NotFoundError('Dataset version', versionId);
    const dataset = await this.datasets.find(version.datasetId);
    const session = await DuckDbSession.open(this.engine);
    try {
      // The local copy goes once the rows are loaded: the session holds them (spilling to disk past its memory limit).
      const loaded = await this.copies.withCopyOf(version.objectKey, (path) =>
        LoadedVersionRows.load(session, { path, format: version.format, columns: dataset?.schema.columns }),
      );
      return await work({ summary: summaryOf(version), read: (offset, limit) => loaded.read(offset, limit) });
    } finally {
      session.close();
    }
  }

  async register(produced: ProducedVersion): Promise<RegisteredVersion> {
    const earlier = await this.producedBy(produced);
    if (earlier) {
      produced.body.destroy();
      return earlier;
    }
    const dataset = await this.datasets.find(produced.datasetId);
    if (dataset?.projectId !== produced.projectId) {
      produced.body.destroy();
      throw new NotFoundError('Dataset', produced.datasetId);
    }
    const scratch = await mkdtemp(join(tmpdir(), 'produced-version-'));
    try {
      const parquet = await this.parquetOf(dataset, produced, scratch);
      const version = await this.intake.intake(dataset, {
        body: createReadStream(parquet),
        format: 'parquet',
        producer: { ...produced.producer },
      });
      return registeredOf(version);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /**
   * The produced rows as Parquet of the dataset's declared types. Its columns are checked first by
   * name, as a JSON Lines upload's are: a column the dataset does not declare is refused, never
   * dropped by the typed read.
   */
  private async parquetOf(dataset: Dataset, produced: ProducedVersion, scratch: string): Promise<string> {
    const jsonLines = join(scratch, 'produced.jsonl');
    await pipeline(produced.body, createWriteStream(jsonLines));
    const observed = await this.query.observeColumns({ path: jsonLines, format: 'jsonl' });
    const problems = columnProblems(dataset.schema, observed, 'jsonl');
    if (problems.length > 0) throw new SchemaMismatch(problems);
    const parquet = join(scratch, 'produced.parquet');
    await writeParquetFromJsonLines(this.engine, { path: jsonLines, columns: dataset.schema.columns }, parquet);
    return parquet;
  }

  private async producedBy(produced: ProducedVersion): Promise<RegisteredVersion | undefined> {
    const row = await this.scope.manager().getRepository(DatasetVersionOrmEntity).findOneBy({
      datasetId: produced.datasetId,
      producerKind: produced.producer.kind,
      producerRunId: produced.producer.runId,
    });
    return row ? { versionId: row.id, versionNumber: row.number, rowCount: row.rowCount } : undefined;
  }
}

function summaryOf(version: DatasetVersion): DatasetVersionSummary {
  return {
    versionId: version.id,
    datasetId: version.datasetId,
    rowCount: version.rowCount,
    columns: version.inferredSchema.map((column) => column.name),
  };
}

function registeredOf(version: DatasetVersion): RegisteredVersion {
  return { versionId: version.id, versionNumber: version.number, rowCount: version.rowCount };
}
