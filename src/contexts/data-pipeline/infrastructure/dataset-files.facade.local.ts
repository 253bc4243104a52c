import { NotFoundError } from '@libs/ddd';
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

/** The in-process binding of the facade (built by a factory: it takes the engine settings): rows read through a private DuckDB session, versions made by the usual intake. */
export class LocalDatasetFiles extends DatasetFiles {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly versions: DatasetVersionRepository,
    private readonly copies: LocalTableCopies,
    private readonly intake: VersionIntake,
    private readonly scope: AmbientTransaction,
    private readonly engine: DuckDbSettings,
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
    if (dataset?.projectId !== produced.projectId) throw new NotFoundError('Dataset', produced.datasetId);
    const version = await this.intake.intake(dataset, {
      body: produced.body,
      format: 'jsonl',
      producer: { ...produced.producer },
    });
    return registeredOf(version);
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
