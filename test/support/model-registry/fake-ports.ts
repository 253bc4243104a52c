import { ConcurrencyError } from '@libs/ddd';
import type {
  ModelRegistryEvents,
  ModelRegistryEventType,
} from '../../../src/contexts/model-registry/contracts/events.js';
import { EventPublisher, type EventSubject } from '@libs/messaging';
import { RunLineage } from '../../../src/contexts/model-registry/application/ports/run-lineage.js';
import {
  TrainingDataChecks,
  type BlockingTrainingCheck,
  type TrainingDataBlockOn,
} from '../../../src/contexts/model-registry/application/ports/training-data-checks.js';
import { Transaction } from '../../../src/contexts/model-registry/application/ports/transaction.js';
import { ModelAlias } from '../../../src/contexts/model-registry/domain/alias/model-alias.js';
import { ModelAliasRepository } from '../../../src/contexts/model-registry/domain/alias/model-alias.repository.js';
import { ModelCard } from '../../../src/contexts/model-registry/domain/card/model-card.js';
import { ModelCardRepository } from '../../../src/contexts/model-registry/domain/card/model-card.repository.js';
import { AliasExists, ModelNameTaken } from '../../../src/contexts/model-registry/domain/errors.js';
import { RegisteredModel } from '../../../src/contexts/model-registry/domain/model/registered-model.js';
import {
  RegisteredModelRepository,
  type ModelPage,
  type ModelSearch,
} from '../../../src/contexts/model-registry/domain/model/registered-model.repository.js';
import {
  defaultSettings,
  RegistrySettingsRepository,
  type RegistrySettings,
} from '../../../src/contexts/model-registry/domain/settings/registry-settings.js';
import { ModelVersion } from '../../../src/contexts/model-registry/domain/version/model-version.js';
import {
  ModelVersionRepository,
  type VersionLock,
  type VersionPage,
} from '../../../src/contexts/model-registry/domain/version/model-version.repository.js';
import type { ModelVersionStatus } from '../../../src/contexts/model-registry/domain/version/model-version-status.js';
import { RECORDED_RUN } from './registry-objects.js';
import { settled } from './settled.js';

/** Runs the work as it is; `runs` counts the transactions a handler opened. */
export class FakeTransaction extends Transaction {
  runs = 0;
  run<T>(work: () => Promise<T>): Promise<T> {
    this.runs += 1;
    return work();
  }
}

export interface PublishedEvent {
  readonly type: ModelRegistryEventType;
  readonly payload: unknown;
  readonly subject: { aggregateId: string; aggregateVersion?: number };
}

export class RecordingEventPublisher extends EventPublisher<ModelRegistryEvents> {
  readonly published: PublishedEvent[] = [];
  publish<TType extends ModelRegistryEventType>(
    type: TType,
    payload: ModelRegistryEvents[TType],
    subject: EventSubject,
  ): Promise<void> {
    return settled(() => {
      this.published.push({ type, payload, subject });
    });
  }
}

/**
 * A stored row: the state and version at the last save. Every find restores a fresh aggregate, so
 * a change a handler made before it threw is not kept, as a rolled-back transaction keeps none.
 */
interface Row<TState> {
  readonly state: TState;
  readonly version: number;
}

/** Saves as the TypeORM adapter does: a unique name per project, the version bumped on save. */
export class InMemoryModels extends RegisteredModelRepository {
  readonly rows = new Map<string, Row<RegisteredModel['snapshot']>>();
  private readonly numbers = new Map<string, number>();

  find(id: string) {
    return settled(() => {
      const row = this.rows.get(id);
      return row && RegisteredModel.restore(row.state, row.version);
    });
  }
  findByName(projectId: string, name: string) {
    return settled(() => this.all().find((model) => model.projectId === projectId && model.name === name));
  }
  search(search: ModelSearch): Promise<ModelPage> {
    return settled(() => {
      const items = this.all().filter((model) => model.projectId === search.projectId);
      return { items: items.slice(0, search.limit), nextCursor: null };
    });
  }
  async save(model: RegisteredModel) {
    const other = await this.findByName(model.projectId, model.name);
    if (other && other.id !== model.id) throw new ModelNameTaken(model.name);
    if ((this.rows.get(model.id)?.version ?? 0) !== model.version) throw new ConcurrencyError('Model', model.id);
    model.markSaved();
    this.rows.set(model.id, { state: model.snapshot, version: model.version });
  }
  takeVersionNumber(modelId: string) {
    return settled(() => {
      const next = (this.numbers.get(modelId) ?? 0) + 1;
      this.numbers.set(modelId, next);
      return next;
    });
  }
  /** Arranges models as if saved before. */
  add(...models: RegisteredModel[]): this {
    for (const model of models) this.rows.set(model.id, { state: model.snapshot, version: model.version });
    return this;
  }
  private all(): RegisteredModel[] {
    return [...this.rows.values()].map((row) => RegisteredModel.restore(row.state, row.version));
  }
}

export class InMemoryVersions extends ModelVersionRepository {
  readonly rows = new Map<string, Row<ModelVersion['snapshot']>>();
  /** The lock each find asked for, to check a handler orders itself against concurrent writers. */
  readonly locks: (VersionLock | undefined)[] = [];

  find(id: string, options?: { lock?: VersionLock }) {
    return settled(() => {
      this.locks.push(options?.lock);
      const row = this.rows.get(id);
      return row && ModelVersion.restore(row.state, row.version);
    });
  }
  findByNumber(modelId: string, number: number) {
    return settled(() =>
      this.all().find((version) => version.modelId === modelId && version.snapshot.number === number),
    );
  }
  findBySource(modelId: string, runId: string, taskId: string) {
    return settled(() => {
      return this.all().find(({ modelId: of, snapshot: { source } }) => {
        return of === modelId && source?.runId === runId && source.taskId === taskId;
      });
    });
  }
  listOfModel(
    modelId: string,
    filter: { status?: ModelVersionStatus; limit: number; cursor?: string },
  ): Promise<VersionPage> {
    return settled(() => {
      const items = this.all()
        .filter((version) => version.modelId === modelId && (!filter.status || version.status === filter.status))
        .sort((a, b) => b.snapshot.number - a.snapshot.number);
      return { items: items.slice(0, filter.limit), nextCursor: null };
    });
  }
  save(version: ModelVersion) {
    return settled(() => {
      if ((this.rows.get(version.id)?.version ?? 0) !== version.version) {
        throw new ConcurrencyError('Model version', version.id);
      }
      version.markSaved();
      this.rows.set(version.id, { state: version.snapshot, version: version.version });
    });
  }
  /** Arranges versions as if saved before. */
  add(...versions: ModelVersion[]): this {
    for (const version of versions) this.rows.set(version.id, { state: version.snapshot, version: version.version });
    return this;
  }
  private all(): ModelVersion[] {
    return [...this.rows.values()].map((row) => ModelVersion.restore(row.state, row.version));
  }
}

/** Keyed by model and alias name, with the adapter's creation race and optimistic move. */
export class InMemoryAliases extends ModelAliasRepository {
  readonly rows = new Map<string, Row<ModelAlias['snapshot']>>();

  find(modelId: string, alias: string) {
    return settled(() => {
      const row = this.rows.get(key(modelId, alias));
      return row && ModelAlias.restore(row.state, row.version);
    });
  }
  listOfModel(modelId: string) {
    return settled(() => this.all().filter((alias) => alias.snapshot.modelId === modelId));
  }
  namingVersion(versionId: string) {
    return settled(() => this.all().filter((alias) => alias.versionId === versionId));
  }
  save(alias: ModelAlias) {
    return settled(() => {
      const { modelId, alias: name } = alias.snapshot;
      const stored = this.rows.get(key(modelId, name));
      if (alias.version === 0 && stored) throw new AliasExists(name);
      if (alias.version !== 0 && stored?.version !== alias.version) throw new ConcurrencyError('Alias', name);
      alias.markSaved();
      this.rows.set(key(modelId, name), { state: alias.snapshot, version: alias.version });
    });
  }
  remove(alias: ModelAlias) {
    return settled(() => {
      const { modelId, alias: name } = alias.snapshot;
      if (this.rows.get(key(modelId, name))?.version !== alias.version) throw new ConcurrencyError('Alias', name);
      this.rows.delete(key(modelId, name));
    });
  }
  /** Arranges an alias naming `versionId`, as if a move had been saved before. */
  async point(modelId: string, alias: string, versionId: string): Promise<ModelAlias> {
    const created = ModelAlias.create(modelId, alias);
    created.moveTo(versionId, 'someone', new Date());
    await this.save(created);
    return created;
  }
  private all(): ModelAlias[] {
    return [...this.rows.values()].map((row) => ModelAlias.restore(row.state, row.version));
  }
}

export class InMemoryCards extends ModelCardRepository {
  readonly rows = new Map<string, Row<ModelCard['snapshot']>>();
  find(versionId: string) {
    return settled(() => {
      const row = this.rows.get(versionId);
      return row && ModelCard.restore(row.state, row.version);
    });
  }
  save(card: ModelCard) {
    return settled(() => {
      const { versionId } = card.snapshot;
      if ((this.rows.get(versionId)?.version ?? 0) !== card.version)
        throw new ConcurrencyError('Model card', versionId);
      card.markSaved();
      this.rows.set(versionId, { state: card.snapshot, version: card.version });
    });
  }
}

export class InMemorySettings extends RegistrySettingsRepository {
  readonly saved = new Map<string, RegistrySettings>();
  find(projectId: string) {
    return settled(() => this.saved.get(projectId) ?? defaultSettings(projectId));
  }
  save(settings: RegistrySettings) {
    return settled(() => {
      this.saved.set(settings.projectId, settings);
    });
  }
}

const key = (modelId: string, alias: string) => `${modelId}/${alias}`;

/** The lineage graph's runs as a set: `known` lists the runs it recorded. */
export class KnownRuns extends RunLineage {
  constructor(readonly known = new Set<string>([RECORDED_RUN])) {
    super();
  }
  knowsRun(runId: string): Promise<boolean> {
    return settled(() => this.known.has(runId));
  }
}

/** The data pipeline's verdicts as a list: each blocking check answers for its version and the outcomes `blockOn` reaches. */
export class ScriptedTrainingDataChecks extends TrainingDataChecks {
  readonly asked: { projectId: string; datasetVersionIds: readonly string[]; blockOn: TrainingDataBlockOn }[] = [];
  constructor(readonly checks: BlockingTrainingCheck[] = []) {
    super();
  }
  blockingChecks(
    projectId: string,
    datasetVersionIds: readonly string[],
    blockOn: Exclude<TrainingDataBlockOn, 'none'>,
  ): Promise<readonly BlockingTrainingCheck[]> {
    return settled(() => {
      this.asked.push({ projectId, datasetVersionIds, blockOn });
      const reached = blockOn === 'warn' ? ['warn', 'fail'] : ['fail'];
      return this.checks.filter(
        (check) => datasetVersionIds.includes(check.datasetVersionId) && reached.includes(check.outcome),
      );
    });
  }
}

/** One set of fakes for every port of the model registry a handler may take. */
export function fakeModelRegistryPorts() {
  return {
    transaction: new FakeTransaction(),
    models: new InMemoryModels(),
    versions: new InMemoryVersions(),
    aliases: new InMemoryAliases(),
    cards: new InMemoryCards(),
    settings: new InMemorySettings(),
    events: new RecordingEventPublisher(),
    runs: new KnownRuns(),
    trainingData: new ScriptedTrainingDataChecks(),
  };
}

export type ModelRegistryFakes = ReturnType<typeof fakeModelRegistryPorts>;
