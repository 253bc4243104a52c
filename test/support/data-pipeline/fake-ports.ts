import { EventPublisher, type EventSubject } from '@libs/messaging';
import type {
  DataPipelineEvents,
  DataPipelineEventType,
} from '../../../src/contexts/data-pipeline/contracts/events.js';
import { DatasetSettings } from '../../../src/contexts/data-pipeline/application/ports/dataset-settings.js';
import { LocalTableCopies } from '../../../src/contexts/data-pipeline/application/ports/local-table-copies.js';
import { Transaction } from '../../../src/contexts/data-pipeline/application/ports/transaction.js';
import { VersionIntake } from '../../../src/contexts/data-pipeline/application/services/version-intake.js';
import type { Dataset } from '../../../src/contexts/data-pipeline/domain/dataset/dataset.js';
import { DatasetRepository } from '../../../src/contexts/data-pipeline/domain/dataset/dataset.repository.js';
import type { DatasetVersion } from '../../../src/contexts/data-pipeline/domain/dataset/dataset-version.js';
import { DatasetVersionRepository } from '../../../src/contexts/data-pipeline/domain/dataset/dataset-version.repository.js';
import { DatasetNameTaken } from '../../../src/contexts/data-pipeline/domain/errors.js';
import { InMemoryObjectStore } from '../model-registry/fake-object-store.js';
import { settled } from '../model-registry/settled.js';
import { ScriptedQueryEngine } from './scripted-query-engine.js';

/** Runs the work as it is; `runs` counts the transactions a handler opened. */
export class FakeTransaction extends Transaction {
  runs = 0;
  run<T>(work: () => Promise<T>): Promise<T> {
    this.runs += 1;
    return work();
  }
}

export interface PublishedEvent {
  readonly type: DataPipelineEventType;
  readonly payload: unknown;
  readonly subject: EventSubject;
}

export class RecordingEventPublisher extends EventPublisher<DataPipelineEvents> {
  readonly published: PublishedEvent[] = [];
  publish<TType extends DataPipelineEventType>(
    type: TType,
    payload: DataPipelineEvents[TType],
    subject: EventSubject,
  ): Promise<void> {
    return settled(() => {
      this.published.push({ type, payload, subject });
    });
  }
}

/** Datasets in a map; a second name in one project is refused as the unique constraint does. */
export class InMemoryDatasetRepository extends DatasetRepository {
  readonly rows = new Map<string, Dataset>();

  add(dataset: Dataset): Promise<void> {
    return settled(() => {
      const { projectId, name } = dataset.snapshot;
      const taken = [...this.rows.values()].some((row) => row.projectId === projectId && row.snapshot.name === name);
      if (taken) throw new DatasetNameTaken(name);
      this.rows.set(dataset.id, dataset);
    });
  }

  find(id: string): Promise<Dataset | undefined> {
    return settled(() => this.rows.get(id));
  }

  listByProject(projectId: string): Promise<Dataset[]> {
    return settled(() =>
      [...this.rows.values()]
        .filter((dataset) => dataset.projectId === projectId)
        .sort((a, b) => a.snapshot.name.localeCompare(b.snapshot.name)),
    );
  }
}

/** Versions in a map, numbered per dataset as they are added. */
export class InMemoryDatasetVersionRepository extends DatasetVersionRepository {
  readonly rows = new Map<string, DatasetVersion>();

  add(version: Omit<DatasetVersion, 'number'>): Promise<DatasetVersion> {
    return settled(() => {
      const number = [...this.rows.values()].filter((row) => row.datasetId === version.datasetId).length + 1;
      const stored = { ...version, number };
      this.rows.set(stored.id, stored);
      return stored;
    });
  }

  find(id: string): Promise<DatasetVersion | undefined> {
    return settled(() => this.rows.get(id));
  }

  listByDataset(datasetId: string): Promise<DatasetVersion[]> {
    return settled(() =>
      [...this.rows.values()].filter((row) => row.datasetId === datasetId).sort((a, b) => b.number - a.number),
    );
  }
}

/**
 * Hands the engine a made-up path per object and records which objects were copied; the scripted
 * engine reads the object's bytes from the store by that path's key.
 */
export class FakeLocalTableCopies extends LocalTableCopies {
  readonly copied: string[] = [];
  async withCopyOf<T>(objectKey: string, work: (path: string) => Promise<T>): Promise<T> {
    this.copied.push(objectKey);
    return work(`${COPY_PREFIX}${objectKey}`);
  }
}

/** Where the fake copies appear to be: the scripted engine reads the object of the key after it. */
export const COPY_PREFIX = '/copies/';

export class FakeDatasetSettings extends DatasetSettings {
  constructor(readonly maxVersionBytes = 1024) {
    super();
  }
}

export interface DataPipelinePorts {
  readonly transaction: FakeTransaction;
  readonly events: RecordingEventPublisher;
  readonly datasets: InMemoryDatasetRepository;
  readonly versions: InMemoryDatasetVersionRepository;
  readonly store: InMemoryObjectStore;
  readonly copies: FakeLocalTableCopies;
  readonly engine: ScriptedQueryEngine;
  readonly settings: FakeDatasetSettings;
  readonly intake: VersionIntake;
}

/** Every port of the dataset use cases in memory, and the version intake built over them. */
export function fakeDataPipelinePorts(maxVersionBytes = 1024): DataPipelinePorts {
  const ports = {
    transaction: new FakeTransaction(),
    events: new RecordingEventPublisher(),
    datasets: new InMemoryDatasetRepository(),
    versions: new InMemoryDatasetVersionRepository(),
    store: new InMemoryObjectStore(),
    copies: new FakeLocalTableCopies(),
    settings: new FakeDatasetSettings(maxVersionBytes),
  };
  const engine = new ScriptedQueryEngine(ports.store);
  const intake = new VersionIntake(
    ports.transaction,
    ports.versions,
    ports.store,
    ports.copies,
    engine,
    ports.settings,
    ports.events,
  );
  return { ...ports, engine, intake };
}
