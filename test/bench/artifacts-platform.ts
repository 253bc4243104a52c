import { fileURLToPath } from 'node:url';
import { AppProcess } from '@libs/testing';
import { httpGet } from './artifacts-download-client.js';
import { httpPut, peakRssGrowth } from './artifacts-transfer.js';
import { freshBenchDatabase, freshBenchRedis } from './bench-infrastructure.js';

const MAIN = fileURLToPath(new URL('../../src/main.js', import.meta.url));
const ADMIN = { email: 'bench-admin@example.com', password: 'bench admin long passphrase' };

/** The built platform in a child process, with a model whose versions take one artifact per round. */
export class ArtifactApi {
  private constructor(
    private readonly app: AppProcess,
    private readonly token: string,
    private readonly versionUrls: string[],
  ) {}

  static async start(objects: string, rounds: number): Promise<ArtifactApi> {
    const app = await AppProcess.start(
      MAIN,
      {
        DATABASE_URL: await freshBenchDatabase('mlops_bench_artifacts'),
        REDIS_URL: await freshBenchRedis(),
        APP_CONTEXTS: 'user-management,model-registry',
        MIGRATIONS_RUN_ON_START: 'true',
        NODE_ENV: 'development',
        BCRYPT_COST: '4',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        STORAGE_DRIVER: 'filesystem',
        STORAGE_DIR: objects,
      },
      { waitUntilReady: false },
    );
    await app.waitUntilReady(60_000);
    const call = async (method: string, path: string, body: unknown, token?: string) => {
      const response = await fetch(`${app.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as Record<string, string>;
    };
    const { accessToken } = await call('POST', '/api/v1/auth/login', ADMIN);
    const project = await call('POST', '/api/v1/projects', { name: 'bench' }, accessToken);
    const model = await call('POST', `/api/v1/projects/${project.id}/models`, { name: 'bench-model' }, accessToken);
    const urls: string[] = [];
    // One more than the rounds: the first warms the upload path up.
    for (let index = 0; index <= rounds; index += 1) {
      const version = await call('POST', `/api/v1/models/${model.id}/versions`, { framework: 'onnx' }, accessToken);
      urls.push(`${app.url}/api/v1/model-versions/${version.id}/artifact`);
    }
    const api = new ArtifactApi(app, accessToken, urls);
    await httpPut(urls[rounds], accessToken, 8 * 1024 * 1024);
    return api;
  }

  async upload(round: number, size: number): Promise<void> {
    const { status, body } = await httpPut(this.versionUrls[round], this.token, size);
    if (status !== 200) throw new Error(`upload answered ${status}: ${body}`);
  }

  async download(round: number, size: number): Promise<void> {
    const { status, bytes } = await httpGet(this.versionUrls[round], this.token);
    if (status !== 200 || bytes !== size) throw new Error(`download answered ${status} with ${bytes} bytes`);
  }

  /** How far the app's resident set rose above where it started while `work` ran. */
  async rssGrowthWhile(work: () => Promise<unknown>): Promise<number> {
    return (await peakRssGrowth(this.app.child.pid!, work)).growthBytes;
  }

  async stop(): Promise<void> {
    await this.app.stop();
  }
}
