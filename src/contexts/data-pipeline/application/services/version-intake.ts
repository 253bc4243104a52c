import { Injectable, Logger } from '@nestjs/common';
import { newId } from '@libs/ddd';
import { EventPublisher } from '@libs/messaging/ports';
import { ObjectStore } from '@libs/storage/ports';
import type { DataPipelineEvents } from '../../contracts/events.js';
import type { TableProfile } from '../../domain/dataset/column-profile.js';
import type { Dataset } from '../../domain/dataset/dataset.js';
import type { DatasetVersion, VersionFormat, VersionProducer } from '../../domain/dataset/dataset-version.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import { columnProblems } from '../../domain/dataset/version-conformance.js';
import { SchemaMismatch } from '../../domain/errors.js';
import type { ObservedColumn } from '../../domain/schema/schema-comparison.js';
import { DatasetSettings } from '../ports/dataset-settings.js';
import { LocalTableCopies } from '../ports/local-table-copies.js';
import { QueryEngine } from '../ports/query-engine.js';
import { Transaction } from '../ports/transaction.js';
import type { VersionBody } from '../upload-dataset-version/upload-dataset-version.command.js';
import { versionObjectKey } from './object-keys.js';

export interface IncomingVersion {
  readonly body: VersionBody;
  readonly format: VersionFormat;
  /** Content-Length when the sender declared one: refused at once when over the limit. */
  readonly declaredBytes?: number;
  readonly producer: VersionProducer;
  /** Recorded in the transaction that records the version (a pipeline run notes the version it loaded). */
  readonly alsoRecord?: (version: DatasetVersion) => Promise<void>;
}

interface Examined {
  readonly observed: ObservedColumn[];
  readonly profile: TableProfile;
}

const CONTENT_TYPES: Readonly<Record<VersionFormat, string>> = {
  csv: 'text/csv',
  jsonl: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
};

/**
 * Makes a version of a dataset from a stream of bytes: stores them under a key of the version's
 * own, reads the stored object back as a local file for the engine to check against the declared
 * schema and profile, then records the version and its event in one transaction. A refused file
 * leaves no object behind.
 */
@Injectable()
export class VersionIntake {
  private readonly logger = new Logger(VersionIntake.name);

  constructor(
    private readonly transaction: Transaction,
    private readonly versions: DatasetVersionRepository,
    private readonly store: ObjectStore,
    private readonly copies: LocalTableCopies,
    private readonly engine: QueryEngine,
    private readonly settings: DatasetSettings,
    private readonly events: EventPublisher<DataPipelineEvents>,
  ) {}

  async intake(dataset: Dataset, incoming: IncomingVersion): Promise<DatasetVersion> {
    const id = newId();
    const objectKey = versionObjectKey(dataset.projectId, dataset.id, id, incoming.format);
    const stored = await this.store.put(objectKey, incoming.body, {
      maxBytes: this.settings.maxVersionBytes,
      size: incoming.declaredBytes,
      contentType: CONTENT_TYPES[incoming.format],
    });
    try {
      const examined = await this.copies.withCopyOf(objectKey, (path) => this.examine(dataset, path, incoming.format));
      return await this.transaction.run(async () => {
        const version = await this.versions.add({
          id,
          datasetId: dataset.id,
          projectId: dataset.projectId,
          format: incoming.format,
          objectKey,
          sizeBytes: stored.size,
          sha256: stored.sha256,
          rowCount: examined.profile.rowCount,
          inferredSchema: examined.observed,
          profile: examined.profile.columns,
          producer: incoming.producer,
          createdAt: new Date(),
        });
        await this.publishCreated(version);
        await incoming.alsoRecord?.(version);
        return version;
      });
    } catch (error) {
      await this.store
        .delete(objectKey)
        .catch((cause: unknown) =>
          this.logger.warn(`dataset version object ${objectKey} left behind: ${String(cause)}`),
        );
      throw error;
    }
  }

  private async examine(dataset: Dataset, path: string, format: VersionFormat): Promise<Examined> {
    const observed = await this.engine.observeColumns({ path, format });
    const problems = columnProblems(dataset.schema, observed, format);
    if (problems.length > 0) throw new SchemaMismatch(problems);
    // CSV columns are read by position: the declared types go in the order the file has them.
    const columns = observed.flatMap((column) => dataset.schema.column(column.name) ?? []);
    const profile = await this.engine.profile({ path, format, columns });
    return { observed, profile };
  }

  private publishCreated(version: DatasetVersion): Promise<void> {
    return this.events.publish(
      'data-pipeline.dataset-version.created.v1',
      {
        datasetId: version.datasetId,
        projectId: version.projectId,
        versionId: version.id,
        versionNumber: version.number,
        format: version.format,
        rowCount: version.rowCount,
        sizeBytes: version.sizeBytes,
        sha256: version.sha256,
        producer: {
          kind: version.producer.kind,
          actorId: version.producer.actorId,
          runId: version.producer.runId ?? null,
          ...(version.producer.tableSource && { tableSource: { ...version.producer.tableSource } }),
        },
      },
      { aggregateId: version.datasetId, aggregateVersion: version.number },
    );
  }
}
