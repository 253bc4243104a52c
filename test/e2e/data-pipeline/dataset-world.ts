import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { ADMIN, Client, FAST_AUTH_ENV, newUser, type NewUser } from '../user-management/auth-client.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

export interface Answer {
  readonly status: number;
  readonly body: Json;
  readonly headers: Headers;
}

/**
 * The platform in-process with the data-pipeline context: a project with an editor, and an
 * outsider with a project of its own. `env` chooses the object store and the version size limit.
 */
export class DatasetWorld {
  private constructor(
    readonly app: TestApp,
    readonly projectId: string,
    readonly editor: NewUser,
    readonly outsider: NewUser,
    readonly outsiderProjectId: string,
    private readonly restoreEnv: () => void,
  ) {}

  static async start(env: Record<string, string>): Promise<DatasetWorld> {
    // Test files of one Jest worker share process.env: these settings must not outlive this file.
    const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
    const restoreEnv = () => {
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    };
    Object.assign(process.env, FAST_AUTH_ENV, env);
    const app = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
      APP_CONTEXTS: 'user-management,data-pipeline',
    });
    const anonymous = new Client(app.url);
    const admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    const [editor, outsider] = [await newUser(admin, anonymous), await newUser(admin, anonymous)];
    const projectId = (await editor.client.call('POST', '/api/v1/projects', { name: 'data' })).body.id as string;
    const outsiderProjectId = (await outsider.client.call('POST', '/api/v1/projects', { name: 'elsewhere' })).body
      .id as string;
    return new DatasetWorld(app, projectId, editor, outsider, outsiderProjectId, restoreEnv);
  }

  async close(): Promise<void> {
    try {
      await this.app.close();
    } finally {
      this.restoreEnv();
    }
  }

  async dataset(name: string, schema: unknown, as: NewUser = this.editor, projectId = this.projectId): Promise<Json> {
    const created = await as.client.call('POST', `/api/v1/projects/${projectId}/datasets`, { name, schema });
    if (created.status !== 201) throw new Error(`dataset ${name}: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  /** POST of a version file as one body of the given media type. */
  async upload(datasetId: string, bytes: Uint8Array | string, mediaType: string, as = this.editor): Promise<Answer> {
    const response = await fetch(`${this.app.url}/api/v1/datasets/${datasetId}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${as.tokens.accessToken}`, 'content-type': mediaType },
      body: bytes,
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  }

  async content(versionId: string, as = this.editor): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const response = await fetch(`${this.app.url}/api/v1/dataset-versions/${versionId}/content`, {
      headers: { authorization: `Bearer ${as.tokens.accessToken}` },
    });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }
}
