import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../../src/app.module.js';
import { RecordWorkflowRunHandler } from '../../../src/contexts/data-pipeline/application/record-workflow-run/record-workflow-run.handler.js';
import { CONTEXT_NAMES } from '../../../src/bounded-contexts.js';
import { withProcessEnv } from '../../support/process-env.js';
import { ADMIN, Client, FAST_AUTH_ENV, newUser, type NewUser } from '../user-management/auth-client.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

/**
 * The platform in-process with a project of two owners (either can approve the other's work), an
 * editor, and an outsider with a project of its own. `env` chooses the object store.
 */
export class RegistryWorld {
  private constructor(
    readonly app: TestApp,
    readonly projectId: string,
    readonly owner: NewUser,
    readonly approver: NewUser,
    readonly editor: NewUser,
    readonly outsider: NewUser,
    readonly outsiderProjectId: string,
    private readonly settings: Record<string, string>,
    private readonly contexts: string,
    private readonly cleanUp: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /**
   * The world on a filesystem object store in a temporary directory of its own, removed at close;
   * `env` adds settings, `contexts` replaces the contexts hosted.
   */
  static async onFilesystem(env: Record<string, string> = {}, contexts?: string): Promise<RegistryWorld> {
    const directory = await mkdtemp(join(tmpdir(), 'registry-objects-'));
    const remove = () => rm(directory, { recursive: true, force: true });
    return RegistryWorld.start({ ...env, STORAGE_DRIVER: 'filesystem', STORAGE_DIR: directory }, remove, contexts);
  }

  static async start(
    env: Record<string, string>,
    cleanUp?: () => Promise<void>,
    contexts = 'user-management,model-registry,data-pipeline',
  ): Promise<RegistryWorld> {
    // Only what the registry tests speak to (the workflow tasks of models have a world of their own),
    // and the lineage graph the `lineage-complete` promotion rule asks.
    const { PORT: port, ...settings } = { ...FAST_AUTH_ENV, ...env };
    const app = await RegistryWorld.boot(settings, contexts, port);
    const anonymous = new Client(app.url);
    const admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    const [owner, approver, editor, outsider] = [
      await newUser(admin, anonymous),
      await newUser(admin, anonymous),
      await newUser(admin, anonymous),
      await newUser(admin, anonymous),
    ];
    const projectId = (await owner.client.call('POST', '/api/v1/projects', { name: 'models' })).body.id as string;
    const outsiderProjectId = (await outsider.client.call('POST', '/api/v1/projects', { name: 'elsewhere' })).body
      .id as string;
    for (const [user, role] of [
      [approver, 'owner'],
      [editor, 'editor'],
    ] as const) {
      await owner.client.call('PUT', `/api/v1/projects/${projectId}/members/${user.id}`, { role });
    }
    return new RegistryWorld(
      app,
      projectId,
      owner,
      approver,
      editor,
      outsider,
      outsiderProjectId,
      settings,
      contexts,
      cleanUp,
    );
  }

  /**
   * The app with `settings` in process.env while it boots only, when its contexts read them: the
   * rest of the test file (its other tests, the apps it starts) does not see them. A PORT given is the
   * one it listens on, so the URL it announces in the service registry is its own.
   */
  private static boot(settings: Record<string, string>, contexts: string, port?: string): Promise<TestApp> {
    return withProcessEnv(settings, () =>
      startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, {
        APP_CONTEXTS: contexts,
        ...(port !== undefined && { PORT: port }),
      }),
    );
  }

  /** Another instance of the platform with the world's settings and contexts, on a port of its own; the caller closes it. */
  anotherInstance(): Promise<TestApp> {
    return RegistryWorld.boot(this.settings, this.contexts);
  }

  async close(): Promise<void> {
    try {
      await this.app.close();
    } finally {
      await this.cleanUp();
    }
  }

  async model(name: string, extra: Record<string, unknown> = {}, as: NewUser = this.editor): Promise<Json> {
    const created = await as.client.call('POST', `/api/v1/projects/${this.projectId}/models`, { name, ...extra });
    if (created.status !== 201) throw new Error(`model ${name}: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  async version(modelId: string, body: Record<string, unknown> = {}, as: NewUser = this.editor): Promise<Json> {
    const created = await as.client.call('POST', `/api/v1/models/${modelId}/versions`, { framework: 'onnx', ...body });
    if (created.status !== 201) throw new Error(`version: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  /** PUT of the artifact bytes as one body with its Content-Length. */
  upload(versionId: string, bytes: Uint8Array, as: NewUser = this.editor): Promise<Response> {
    return fetch(`${this.app.url}/api/v1/model-versions/${versionId}/artifact`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${as.tokens.accessToken}`, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
  }

  download(versionId: string, headers: Record<string, string> = {}, as: NewUser = this.editor): Promise<Response> {
    return fetch(`${this.app.url}/api/v1/model-versions/${versionId}/artifact`, {
      headers: { authorization: `Bearer ${as.tokens.accessToken}`, ...headers },
    });
  }

  /** HEAD of the artifact download, as the editor. */
  headOfDownload(versionId: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.app.url}/api/v1/model-versions/${versionId}/artifact`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${this.editor.tokens.accessToken}`, ...headers },
    });
  }

  /**
   * Records a workflow run in the lineage graph as the workflow engine's start event would, for tests
   * of the registry that need a version's source run to be real without running a workflow.
   */
  async recordRun(runId: string): Promise<void> {
    await this.app.app.get(RecordWorkflowRunHandler, { strict: false }).execute({
      projectId: this.projectId,
      runId,
      workflowId: '01900000-0000-7000-8000-0000000000f1',
      workflowVersion: 1,
      state: 'running',
      at: new Date().toISOString(),
    });
  }

  /** A version with an uploaded artifact, approved by the second owner, metrics as given. */
  async approvedVersion(modelId: string, metrics: Record<string, number> = {}): Promise<Json> {
    const version = await this.version(modelId, { metrics });
    return this.approve(version.id);
  }

  /** Uploads an artifact to a registered version and has the second owner approve it. */
  async approve(versionId: string): Promise<Json> {
    const uploaded = await this.upload(versionId, Buffer.from(`artifact of ${versionId}`));
    if (uploaded.status !== 200) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
    const approved = await this.approver.client.call('POST', `/api/v1/model-versions/${versionId}/approval`, {
      decision: 'Approved',
      comment: 'looks right',
    });
    if (approved.status !== 200) throw new Error(`approval: ${approved.status} ${JSON.stringify(approved.body)}`);
    return approved.body;
  }
}
