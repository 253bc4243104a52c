import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { InferenceSession } from 'onnxruntime-node';
import { ObjectStore } from '@libs/storage/ports';
import { ModelRuntime } from '../../application/ports/model-runtime.js';
import type { PinnedVersion } from '../../domain/deployment/variant.js';
import { InferenceFailed, ModelRuntimeFailed } from '../../domain/errors.js';
import type { Tensor } from '../../domain/tensor/tensor-spec.js';
import type { PredictionSettings } from '../config/prediction-settings.js';
import { LoadedModel, ModelReleased } from './loaded-model.js';
import { fromOrtTensor, toOrtTensor } from './onnx-tensors.js';
import { warmUpFeeds } from './warm-up-feeds.js';

/**
 * The `onnx` runtime in this process (onnxruntime-node). A version is loaded from the object store
 * on first use, warmed up with one run, and kept in an LRU whose size is the artifacts' bytes
 * within the memory budget; an evicted session is released once its runs end.
 */
@Injectable()
export class OnnxModelRuntime extends ModelRuntime implements OnModuleDestroy {
  private readonly logger = new Logger(OnnxModelRuntime.name);
  private readonly models: LRUCache<string, LoadedModel>;
  // One load per version at a time: concurrent first requests share it.
  private readonly loading = new Map<string, Promise<LoadedModel>>();

  constructor(
    private readonly store: ObjectStore,
    private readonly settings: Pick<PredictionSettings, 'modelMemoryBudgetBytes' | 'onnxIntraOpThreads'>,
  ) {
    super();
    this.models = new LRUCache<string, LoadedModel>({
      maxSize: settings.modelMemoryBudgetBytes,
      sizeCalculation: (model) => Math.max(1, model.sizeBytes),
      dispose: (model, versionId) => {
        this.logger.log(`unloading model version ${versionId}`);
        void model.retire();
      },
    });
  }

  async ensureLoaded(version: PinnedVersion): Promise<void> {
    await this.model(version);
  }

  async infer(version: PinnedVersion, inputs: readonly Tensor[], outputs?: readonly string[]): Promise<Tensor[]> {
    const names = outputs && outputs.length > 0 ? [...outputs] : version.signature.outputs.map((output) => output.name);
    const feeds = Object.fromEntries(inputs.map((tensor) => [tensor.name, toOrtTensor(tensor)]));
    const run = async () => (await this.model(version)).use((session) => session.run(feeds, names));
    let results: InferenceSession.OnnxValueMapType;
    try {
      results = await run().catch((error: unknown) => {
        // Evicted and released between the lookup and the run: load it again, once.
        if (error instanceof ModelReleased) return run();
        throw error;
      });
    } catch (error) {
      if (error instanceof ModelRuntimeFailed) throw error;
      throw new InferenceFailed(`Model version ${version.versionId} could not run: ${(error as Error).message}`);
    }
    return names.map((name) => fromOrtTensor(name, results[name]));
  }

  /** Drops the session from the cache; it is released after the runs holding it end (LoadedModel). */
  override unload(version: PinnedVersion): Promise<void> {
    this.models.delete(version.versionId);
    return Promise.resolve();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled(this.loading.values());
    this.models.clear();
  }

  private model(version: PinnedVersion): Promise<LoadedModel> {
    const loaded = this.models.get(version.versionId);
    if (loaded) return Promise.resolve(loaded);
    let pending = this.loading.get(version.versionId);
    if (!pending) {
      pending = this.load(version).finally(() => this.loading.delete(version.versionId));
      this.loading.set(version.versionId, pending);
    }
    return pending;
  }

  private async load(version: PinnedVersion): Promise<LoadedModel> {
    if (version.artifactBytes > this.settings.modelMemoryBudgetBytes)
      throw new ModelRuntimeFailed(
        `Model version ${version.versionId} (${version.artifactBytes} bytes) is larger than the model memory budget`,
      );
    const started = performance.now();
    let session: InferenceSession;
    try {
      const bytes = await this.artifact(version.artifactKey);
      session = await InferenceSession.create(bytes, { intraOpNumThreads: this.settings.onnxIntraOpThreads });
    } catch (error) {
      this.logger.warn(`model version ${version.versionId} did not load: ${(error as Error).message}`);
      throw new ModelRuntimeFailed(`Model version ${version.versionId} could not be loaded`);
    }
    try {
      // The first run allocates and optimises; a request should not pay for it.
      await session.run(warmUpFeeds(version.signature));
    } catch (error) {
      await session.release();
      this.logger.warn(`model version ${version.versionId} failed its warm-up: ${(error as Error).message}`);
      throw new ModelRuntimeFailed(`Model version ${version.versionId} does not run with its signature's inputs`);
    }
    const model = new LoadedModel(session, version.artifactBytes);
    this.models.set(version.versionId, model);
    this.logger.log(`loaded model version ${version.versionId} in ${Math.round(performance.now() - started)} ms`);
    return model;
  }

  private async artifact(key: string): Promise<Uint8Array> {
    const download = await this.store.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of download.body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
