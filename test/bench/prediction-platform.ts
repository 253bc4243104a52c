import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, createLogger, loadConfig } from '@libs/platform';
import { AppModule } from '../../src/app.module.js';
import { CONTEXT_NAMES } from '../../src/bounded-contexts.js';
import { freshBenchDatabase, freshBenchRedis } from './bench-infrastructure.js';
import type { HttpCall } from './http-load.js';

const ADMIN = { email: 'bench-admin@example.com', password: 'bench admin long passphrase' };

/** A deployment's serving options as the API takes them. */
export interface Serving {
  readonly cache: { readonly enabled: boolean; readonly ttlSeconds: number };
  readonly batching: { readonly enabled: boolean; readonly maxSize: number; readonly maxWaitMs: number };
}

/**
 * The platform in this process (as `npm run bench -- workflow` runs it), serving one ONNX model
 * version through as many deployments as the bench asks, each called with an API key that holds
 * `prediction:invoke` only, as a scoring client would.
 */
export class PredictionPlatform {
  private constructor(
    private readonly app: NestFastifyApplication,
    private readonly url: string,
    private readonly call: (method: string, path: string, body: unknown) => Promise<Record<string, unknown>>,
    private readonly upload: (versionId: string, artifact: Buffer) => Promise<void>,
    private readonly projectId: string,
    private readonly modelId: string,
    private readonly versionId: string,
    private readonly apiKey: string,
    private readonly objects: string,
  ) {}

  /** Boots the app, registers a version of `model` with `artifact` and `signature`, and keys a caller. */
  static async start(artifact: Buffer, signature: unknown): Promise<PredictionPlatform> {
    const objects = await mkdtemp(join(tmpdir(), 'bench-prediction-'));
    // Context modules read their settings from process.env itself, so the bench's settings go there.
    const env = Object.assign(process.env, {
      DATABASE_URL: await freshBenchDatabase('mlops_bench_prediction'),
      REDIS_URL: await freshBenchRedis(),
      APP_CONTEXTS: 'user-management,model-registry,prediction',
      MIGRATIONS_RUN_ON_START: 'true',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: '0',
      HOST: '127.0.0.1',
      BCRYPT_COST: '4',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      STORAGE_DRIVER: 'filesystem',
      STORAGE_DIR: objects,
    });
    const config = loadConfig(env, CONTEXT_NAMES);
    const app = await createApp(AppModule.forRoot(config), config, createLogger(config.logLevel));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    let token = '';
    const call = async (method: string, path: string, body: unknown): Promise<Record<string, unknown>> => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };
    token = (await call('POST', '/api/v1/auth/login', ADMIN)).accessToken as string;
    const projectId = (await call('POST', '/api/v1/projects', { name: 'bench' })).id as string;
    const model = await call('POST', `/api/v1/projects/${projectId}/models`, { name: 'bench-model' });
    const version = await call('POST', `/api/v1/models/${model.id as string}/versions`, {
      framework: 'onnx',
      signature,
    });
    const versionId = version.id as string;
    const upload = async (id: string, bytes: Buffer): Promise<void> => {
      const uploaded = await fetch(`${url}/api/v1/model-versions/${id}/artifact`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: bytes,
      });
      if (uploaded.status !== 200) throw new Error(`upload answered ${uploaded.status}: ${await uploaded.text()}`);
    };
    await upload(versionId, artifact);
    const key = await call('POST', '/api/v1/api-keys', {
      name: 'bench-scoring',
      projectId,
      permissions: ['prediction:invoke'],
    });
    return new PredictionPlatform(
      app,
      url,
      call,
      upload,
      projectId,
      model.id as string,
      versionId,
      key.key as string,
      objects,
    );
  }

  /** Another version of the model, of `artifact` with the same `signature`; answers its id. */
  async register(artifact: Buffer, signature: unknown): Promise<string> {
    const version = await this.call('POST', `/api/v1/models/${this.modelId}/versions`, {
      framework: 'onnx',
      signature,
    });
    await this.upload(version.id as string, artifact);
    return version.id as string;
  }

  /** A deployment named `name` of a version (the first one by default), pinned (no alias to follow), with `serving`. */
  async deploy(name: string, serving: Serving, versionId = this.versionId): Promise<void> {
    await this.call('POST', `/api/v1/projects/${this.projectId}/deployments`, {
      name,
      variants: [{ name: 'pinned', model: versionId, runtime: 'onnx' }],
      serving,
    });
  }

  /** POST /v2/models/{name}/infer with `body`, as the keyed client sends it. */
  inferCall(name: string, body: unknown): HttpCall {
    return {
      url: `${this.url}/v2/models/${name}/infer`,
      method: 'POST',
      headers: { 'x-api-key': this.apiKey },
      body: JSON.stringify(body),
    };
  }

  /** One answer of `POST /v2/models/{name}/infer`, which must be a 200. */
  async answer(name: string, body: unknown): Promise<unknown> {
    const call = this.inferCall(name, body);
    const response = await fetch(call.url, {
      method: 'POST',
      headers: { ...call.headers, 'content-type': 'application/json' },
      body: call.body,
    });
    if (response.status !== 200)
      throw new Error(`infer on ${name} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }

  /** The response cache's hits so far, all deployments together, from the metrics. */
  async cacheHits(): Promise<number> {
    const exposition = await (await fetch(`${this.url}/metrics`)).text();
    return [...exposition.matchAll(/^prediction_cache_lookups_total\{[^}]*result="hit"[^}]*\} (\d+)/gm)].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    );
  }

  /** Session calls the micro-batcher made so far, and the requests they answered, from the metrics. */
  async batchCalls(): Promise<{ calls: number; requests: number }> {
    const exposition = await (await fetch(`${this.url}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(exposition)?.[1] ?? 0);
    return { calls: value('prediction_batch_requests_count'), requests: value('prediction_batch_requests_sum') };
  }

  async stop(): Promise<void> {
    try {
      await this.app.close();
    } finally {
      await rm(this.objects, { recursive: true, force: true });
    }
  }
}
