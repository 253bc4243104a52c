import { Injectable } from '@nestjs/common';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';
import { SnapshotQuery } from '../../domain/table-source/snapshot-query.js';
import { TableSourceUnknown } from '../../domain/table-source/table-source-errors.js';
import { DatasetSettings } from '../ports/dataset-settings.js';
import { TableSources } from '../ports/table-sources.js';
import { requireDataset } from '../services/dataset-lookups.js';
import { VersionIntake } from '../services/version-intake.js';
import type { SnapshotTableSourceCommand } from './snapshot-table-source.command.js';

/**
 * A new version from a query against a table source: the rows land as Parquet and go through the
 * same intake as an upload (schema check, profile, size, SHA-256, event), the producer naming the
 * source and the query. The query is judged before anything connects to the source.
 */
@Injectable()
export class SnapshotTableSourceHandler {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly sources: TableSources,
    private readonly settings: DatasetSettings,
    private readonly intake: VersionIntake,
  ) {}

  async execute(command: SnapshotTableSourceCommand): Promise<DatasetVersion> {
    const dataset = await requireDataset(this.datasets, command.datasetId);
    const query = SnapshotQuery.of(command.query);
    if (!this.sources.names().includes(command.source)) throw new TableSourceUnknown(command.source);
    const request = { source: command.source, query, maxBytes: this.settings.maxVersionBytes };
    return this.sources.withSnapshot(request, (file) =>
      this.intake.intake(dataset, {
        body: file.read(),
        format: 'parquet',
        declaredBytes: file.sizeBytes,
        producer: {
          kind: 'table-source',
          actorId: command.actorId,
          tableSource: { name: command.source, query: query.text },
        },
      }),
    );
  }
}
