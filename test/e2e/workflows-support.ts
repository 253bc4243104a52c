import { startTestApp, waitFor, type TestApp } from '@libs/testing';
import { AppModule } from '../../src/app.module.js';
import { CONTEXT_NAMES } from '../../src/bounded-contexts.js';
import { withProcessEnv } from '../support/process-env.js';
import { ADMIN, Client, FAST_AUTH_ENV, newUser, type NewUser } from './user-management/auth-client.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
type Json = any;

export interface WorkflowWorld {
  readonly app: TestApp;
  readonly admin: Client;
  readonly anonymous: Client;
  readonly owner: NewUser;
  readonly projectId: string;
}

/** What the workflow tests speak to; the contexts a test does not use would only slow its start. */
export const WORKFLOW_CONTEXTS = 'user-management,workflow-engine';

/**
 * The workflow engine in-process (with `contexts`) and an owner with a project of their own. `env` is
 * in process.env while the app boots only, when its contexts read it: the rest of the test file does
 * not see it.
 */
export async function startWorkflowWorld(
  env: Record<string, string> = {},
  contexts = WORKFLOW_CONTEXTS,
): Promise<WorkflowWorld> {
  const app = await withProcessEnv({ ...FAST_AUTH_ENV, ...env }, () =>
    startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES, { APP_CONTEXTS: contexts }),
  );
  const anonymous = new Client(app.url);
  const admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
  const owner = await newUser(admin, anonymous);
  const projectId = (await owner.client.call('POST', '/api/v1/projects', { name: `p-${Date.now()}` })).body
    .id as string;
  return { app, admin, anonymous, owner, projectId };
}

/** Sends a body as it is, under a content type of the caller's choosing (YAML). */
export async function sendRaw(
  client: Client,
  method: string,
  path: string,
  contentType: string,
  body: string,
  token: string,
): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(`${client.baseUrl}${path}`, {
    method,
    headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export async function createWorkflow(client: Client, projectId: string, definition: object): Promise<string> {
  const created = await client.call('POST', `/api/v1/projects/${projectId}/workflows`, definition);
  if (created.status !== 201) throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

/** The workflow's runs, newest first (run summaries: no trigger, no task runs). */
export async function runsOf(client: Client, workflowId: string): Promise<Json[]> {
  return (await client.call('GET', `/api/v1/workflows/${workflowId}/runs?limit=100`)).body.items as Json[];
}

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

/** Polls the run until it has finished (or `until` holds), answering its last body. */
export function waitForRun(
  client: Client,
  runId: string,
  until: (run: Json) => boolean = (run) => FINISHED.has(run.state),
  timeoutMs = 30_000,
): Promise<Json> {
  return waitFor(
    async () => {
      const response = await client.call('GET', `/api/v1/workflow-runs/${runId}`);
      return until(response.body) ? response.body : undefined;
    },
    { timeoutMs, intervalMs: 50, what: `run ${runId}` },
  );
}

/** Whether any two of the task runs ran at the same time. */
export function overlapping(taskRuns: Json[]): boolean {
  const spans = taskRuns
    .map((run) => [Date.parse(run.startedAt), Date.parse(run.finishedAt)])
    .sort((a, b) => a[0] - b[0]);
  return spans.some((span, index) => index > 0 && span[0] < spans[index - 1][1]);
}
