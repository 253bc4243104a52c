import { ConcurrencyError } from '@libs/ddd';
import { EventPublisher, type EventSubject } from '@libs/messaging';
import {
  DeployableVersions,
  type DeployableLookup,
} from '../../../src/contexts/prediction/application/ports/deployable-versions.js';
import { BatchMetrics } from '../../../src/contexts/prediction/application/ports/batch-metrics.js';
import { CacheMetrics } from '../../../src/contexts/prediction/application/ports/cache-metrics.js';
import { ResponseCache } from '../../../src/contexts/prediction/application/ports/response-cache.js';
import { MicroBatcher } from '../../../src/contexts/prediction/application/services/micro-batcher.js';
import { ServedVersions } from '../../../src/contexts/prediction/application/services/served-versions.js';
import { VersionAnswers } from '../../../src/contexts/prediction/application/services/version-answers.js';
import { ModelRuntime } from '../../../src/contexts/prediction/application/ports/model-runtime.js';
import {
  PredictionMetrics,
  type PredictionOutcome,
  type ServedVariant,
  type VariantRole,
} from '../../../src/contexts/prediction/application/ports/prediction-metrics.js';
import { ShadowAnswers, type ShadowAnswer } from '../../../src/contexts/prediction/application/ports/shadow-answers.js';
import { TrafficRandom } from '../../../src/contexts/prediction/application/ports/traffic-random.js';
import { FeedbackSettings } from '../../../src/contexts/prediction/application/ports/feedback-settings.js';
import { BanditRouting } from '../../../src/contexts/prediction/application/services/bandit-routing.js';
import { InMemoryBanditFeedback } from './feedback-fakes.js';
import { Transaction } from '../../../src/contexts/prediction/application/ports/transaction.js';
import type { PredictionEvents, PredictionEventType } from '../../../src/contexts/prediction/contracts/events.js';
import { Deployment } from '../../../src/contexts/prediction/domain/deployment/deployment.js';
import { DeploymentRepository } from '../../../src/contexts/prediction/domain/deployment/deployment.repository.js';
import { ServedDeployments } from '../../../src/contexts/prediction/application/ports/served-deployments.js';
import {
  formatModelReference,
  type ModelReference,
} from '../../../src/contexts/prediction/domain/deployment/model-reference.js';
import type { PinnedVersion } from '../../../src/contexts/prediction/domain/deployment/variant.js';
import { DeploymentNameTaken } from '../../../src/contexts/prediction/domain/errors.js';
import type { Tensor } from '../../../src/contexts/prediction/domain/tensor/tensor-spec.js';
import { seededRandom } from '../data-pipeline/seeded-random.js';
import { ScriptedRemoteRuntime, StubRemoteUrls } from './fake-remote-ports.js';
import { settled } from '../model-registry/settled.js';

/** Runs the work as it is; `runs` counts the transactions a handler opened. */
export class FakeTransaction extends Transaction {
  runs = 0;
  run<T>(work: () => Promise<T>): Promise<T> {
    this.runs += 1;
    return work();
  }
}

export interface PublishedEvent {
  readonly type: PredictionEventType;
  readonly payload: unknown;
  readonly subject: EventSubject;
}

export class RecordingEventPublisher extends EventPublisher<PredictionEvents> {
  readonly published: PublishedEvent[] = [];
  publish<TType extends PredictionEventType>(
    type: TType,
    payload: PredictionEvents[TType],
    subject: EventSubject,
  ): Promise<void> {
    return settled(() => {
      this.published.push({ type, payload, subject });
    });
  }
}

/** Deployments in a map, restored from snapshots as the database would; names unique per project, versions checked. */
export class InMemoryDeploymentRepository extends DeploymentRepository {
  private readonly rows = new Map<string, { state: Deployment['snapshot']; version: number }>();

  get size(): number {
    return this.rows.size;
  }

  add(deployment: Deployment): Promise<void> {
    return settled(() => {
      const taken = [...this.rows.values()].some(
        ({ state }) => state.projectId === deployment.projectId && state.name === deployment.name,
      );
      if (taken) throw new DeploymentNameTaken(deployment.name);
      this.rows.set(deployment.id, { state: deployment.snapshot, version: 1 });
      deployment.markSaved(1);
    });
  }

  save(deployment: Deployment): Promise<void> {
    return settled(() => {
      const row = this.rows.get(deployment.id);
      if (!row || row.version !== deployment.version) throw new ConcurrencyError('Deployment', deployment.id);
      this.rows.set(deployment.id, { state: deployment.snapshot, version: row.version + 1 });
      deployment.markSaved(row.version + 1);
    });
  }

  remove(deployment: Deployment): Promise<void> {
    return settled(() => {
      this.rows.delete(deployment.id);
    });
  }

  find(id: string): Promise<Deployment | undefined> {
    return settled(() => this.restore(this.rows.get(id)));
  }

  findByName(projectId: string, name: string): Promise<Deployment | undefined> {
    return settled(() =>
      this.restore([...this.rows.values()].find(({ state }) => state.projectId === projectId && state.name === name)),
    );
  }

  listByProject(projectId: string): Promise<Deployment[]> {
    return settled(() =>
      [...this.rows.values()]
        .filter(({ state }) => state.projectId === projectId)
        .sort((a, b) => a.state.name.localeCompare(b.state.name))
        .map((row) => this.restore(row)!),
    );
  }

  private restore(row: { state: Deployment['snapshot']; version: number } | undefined): Deployment | undefined {
    return row ? Deployment.restore(row.state, row.version) : undefined;
  }
}

/** The serving path's reads, straight from the repository: every read sees the latest write. */
export class RepositoryServedDeployments extends ServedDeployments {
  constructor(private readonly deployments: DeploymentRepository) {
    super();
  }

  byId(id: string): Promise<Deployment | undefined> {
    return this.deployments.find(id);
  }

  byName(projectId: string, name: string): Promise<Deployment | undefined> {
    return this.deployments.findByName(projectId, name);
  }
}

/** The registry's answers by reference text (`churn@champion` or a version id); anything else is unknown. */
export class StubDeployableVersions extends DeployableVersions {
  private readonly answers = new Map<string, DeployableLookup>();
  readonly asked: string[] = [];

  serves(reference: string, version: PinnedVersion): this {
    this.answers.set(reference, { deployable: true, version });
    return this;
  }

  refuses(reference: string, reason: string): this {
    this.answers.set(reference, { deployable: false, reason });
    return this;
  }

  lookup(projectId: string, reference: ModelReference): Promise<DeployableLookup> {
    return settled(() => {
      const text = formatModelReference(reference);
      this.asked.push(`${projectId}:${text}`);
      return (
        this.answers.get(text) ?? {
          deployable: false,
          reason: `the project has no model version ${text}`,
          missing: true,
        }
      );
    });
  }
}

/** Answers each version with a function of its inputs; records every call, loads included. */
export class ScriptedModelRuntime extends ModelRuntime {
  readonly loads: string[] = [];
  readonly calls: { versionId: string; inputs: readonly Tensor[] }[] = [];
  private readonly answers = new Map<string, (inputs: readonly Tensor[]) => Tensor[]>();
  private readonly broken = new Set<string>();

  answersWith(versionId: string, answer: (inputs: readonly Tensor[]) => Tensor[]): this {
    this.answers.set(versionId, answer);
    return this;
  }

  breaks(versionId: string): this {
    this.broken.add(versionId);
    return this;
  }

  ensureLoaded(version: PinnedVersion): Promise<void> {
    return settled(() => {
      this.loads.push(version.versionId);
      if (this.broken.has(version.versionId)) throw new Error(`version ${version.versionId} does not load`);
    });
  }

  infer(version: PinnedVersion, inputs: readonly Tensor[]): Promise<Tensor[]> {
    return settled(() => {
      this.calls.push({ versionId: version.versionId, inputs });
      if (this.broken.has(version.versionId)) throw new Error(`version ${version.versionId} does not run`);
      const answer = this.answers.get(version.versionId);
      return answer
        ? answer(inputs)
        : [{ name: 'y', datatype: 'FP32', shape: [1, 1], data: [Number(version.versionNumber)] }];
    });
  }
}

/** mulberry32 from a seed, so a split over many requests lands the same on every run. */
export class SeededTrafficRandom extends TrafficRandom {
  private readonly random: () => number;
  constructor(seed = 42) {
    super();
    this.random = seededRandom(seed);
  }
  next(): number {
    return this.random();
  }
}

export class RecordingPredictionMetrics extends PredictionMetrics {
  readonly records: { role: VariantRole; outcome: PredictionOutcome }[] = [];
  readonly variants: ServedVariant[] = [];
  served(by: ServedVariant, role: VariantRole, outcome: PredictionOutcome): void {
    this.records.push({ role, outcome });
    this.variants.push(by);
  }
}

export class RecordingShadowAnswers extends ShadowAnswers {
  readonly answers: ShadowAnswer[] = [];
  record(answer: ShadowAnswer): void {
    this.answers.push(answer);
  }
}

/** Every port of the prediction context, faked, for the handler specs. */
/** Answers in a map, without expiry (TTLs are recorded); `purged` lists the versions purged. */
export class InMemoryResponseCache extends ResponseCache {
  readonly entries = new Map<string, { outputs: Tensor[]; ttlSeconds: number }>();
  readonly purged: string[] = [];

  /** The inputs and outputs as JSON, in the request's order: enough to tell requests apart in a spec. */
  keyOf(inputs: readonly Tensor[], outputs: readonly string[] | undefined): string {
    return JSON.stringify([inputs, outputs ?? []]);
  }

  get(versionId: string, key: string): Promise<Tensor[] | undefined> {
    return settled(() => this.entries.get(`${versionId}:${key}`)?.outputs);
  }

  set(versionId: string, key: string, outputs: readonly Tensor[], ttlSeconds: number): Promise<void> {
    return settled(() => {
      this.entries.set(`${versionId}:${key}`, { outputs: [...outputs], ttlSeconds });
    });
  }

  purgeVersion(versionId: string): Promise<void> {
    return settled(() => {
      this.purged.push(versionId);
      for (const key of this.entries.keys()) if (key.startsWith(`${versionId}:`)) this.entries.delete(key);
    });
  }
}

export class RecordingCacheMetrics extends CacheMetrics {
  readonly lookups: string[] = [];
  lookedUp(by: ServedVariant, result: 'hit' | 'miss'): void {
    this.lookups.push(`${by.deploymentId}/${by.variant}:${result}`);
  }
}

export class RecordingBatchMetrics extends BatchMetrics {
  readonly batches: number[] = [];
  ran(requests: number): void {
    this.batches.push(requests);
  }
}

/** Thompson-sampling routing over the fake ports' counts and seeded draws, reading the counts afresh each time. */
export function banditRoutingOf(ports: ReturnType<typeof fakePredictionPorts>): BanditRouting {
  return new BanditRouting(
    ports.bandit,
    ports.random,
    new FeedbackSettings(1000, 50_000, 65_536, 60_000, 3_600_000, 0),
  );
}

/** The answering pipeline (served versions, batching, cache) over the fake ports. */
export function versionAnswersOf(ports: ReturnType<typeof fakePredictionPorts>): VersionAnswers {
  return new VersionAnswers(
    new ServedVersions(ports.runtime),
    new MicroBatcher(ports.runtime, new RecordingBatchMetrics()),
    ports.cache,
    ports.cacheMetrics,
    ports.remote,
  );
}

export function fakePredictionPorts() {
  const deployments = new InMemoryDeploymentRepository();
  return {
    cache: new InMemoryResponseCache(),
    cacheMetrics: new RecordingCacheMetrics(),
    transaction: new FakeTransaction(),
    events: new RecordingEventPublisher(),
    deployments,
    served: new RepositoryServedDeployments(deployments),
    versions: new StubDeployableVersions(),
    runtime: new ScriptedModelRuntime(),
    random: new SeededTrafficRandom(),
    metrics: new RecordingPredictionMetrics(),
    shadows: new RecordingShadowAnswers(),
    remote: new ScriptedRemoteRuntime(),
    remoteUrls: new StubRemoteUrls(),
    bandit: new InMemoryBanditFeedback(),
  };
}
