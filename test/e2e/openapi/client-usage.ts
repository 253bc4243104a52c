/**
 * A TypeScript program that uses the client types generated from the document as a client would:
 * one call per context, strictly typed, so the document losing a field or mistyping a parameter
 * makes it fail to compile. `@ts-expect-error` lines check that the types also refuse bad input.
 */
export const CLIENT_USAGE = `
import type { paths } from './api';

type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } }
  ? Body
  : never;
type JsonAnswer<Operation, Status extends number> = Operation extends {
  responses: { [S in Status]: { content: { 'application/json': infer Answer } } };
}
  ? Answer
  : never;
type Path<Operation> = Operation extends { parameters: { path?: infer P } } ? NonNullable<P> : never;
type Query<Operation> = Operation extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type Call<Operation, Status extends number> = (
  path: Path<Operation>,
  query: Query<Operation>,
  body: JsonBody<Operation>,
) => Promise<JsonAnswer<Operation, Status>>;

declare const createWorkflow: Call<paths['/api/v1/projects/{projectId}/workflows']['post'], 201>;
declare const startRun: Call<paths['/api/v1/workflows/{id}/runs']['post'], 201>;
declare const readRun: Call<paths['/api/v1/workflow-runs/{runId}']['get'], 200>;
declare const logIn: Call<paths['/api/v1/auth/login']['post'], 200>;
declare const listProjects: Call<paths['/api/v1/projects']['get'], 200>;
declare const registerVersion: Call<paths['/api/v1/models/{modelId}/versions']['post'], 201>;
declare const createAlertRule: Call<paths['/api/v1/projects/{projectId}/alert-rules']['post'], 201>;

/** For the parts of a request an operation does not have. */
const none = undefined as never;

type RunState = 'queued' | 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled';

export async function useEveryContext(projectId: string, modelId: string): Promise<string[]> {
  const tokens = await logIn(none, none, { email: 'ada@example.com', password: 'correct horse battery staple' });
  const accessToken: string = tokens.accessToken;

  const projects = await listProjects(none, { limit: 20 }, none);
  const projectNames: string[] = projects.items.map((project) => project.name);
  const nextCursor: string | null = projects.nextCursor;

  const workflow = await createWorkflow({ projectId }, none, {
    name: 'nightly',
    tasks: [
      { id: 'train', type: 'external', params: { queue: 'training', epochs: 3 } },
      {
        id: 'register',
        type: 'model.register-version',
        dependsOn: ['train'],
        params: { model: 'churn', artifactUri: '\${{ tasks.train.outputs.modelUri }}', framework: 'onnx' },
      },
      { id: 'wait', type: 'sleep', params: { ms: 10 } },
    ],
  });
  const run = await startRun({ id: workflow.id }, none, { params: { epochs: 3 } });
  const started: RunState = run.state;
  const read = await readRun({ runId: run.id }, none, none);
  const finished: RunState = read.state;
  const taskStates: string[] = read.taskRuns.map((taskRun) => taskRun.state);

  const version = await registerVersion({ modelId }, none, { framework: 'onnx', metrics: { auc: 0.93 } });
  const versionNumber: number = version.number;
  const trainedOn: string[] = version.trainingDatasets.map((dataset) => dataset.datasetVersionId);
  const status: 'PendingArtifact' | 'PendingManualApproval' | 'Approved' | 'Rejected' | 'Archived' = version.status;
  const reviewers: string[] = version.approvals.map((review) => review.decidedBy);
  const inputs: string[] = version.signature.inputs.map((tensor) => \`\${tensor.name}:\${tensor.datatype}[\${tensor.shape.join()}]\`);
  const metrics: [string, number][] = Object.entries(version.metrics);
  const params: [string, string | number | boolean][] = Object.entries(version.params);
  const tags: [string, string][] = Object.entries(version.tags);

  const rule = await createAlertRule({ projectId }, none, {
    name: 'failing',
    severity: 'warning',
    expr: { signal: 'workflow.failure_rate', window: '5m', filter: { workflowId: workflow.id }, op: '>', threshold: 0.5 },
  });
  const signal: string = rule.expr.signal;
  const threshold: number = rule.expr.threshold;

  return [accessToken, ...projectNames, String(nextCursor), started, finished, ...taskStates, String(versionNumber), status, ...trainedOn, ...reviewers, ...inputs, ...[...metrics, ...params, ...tags].map(String), signal, String(threshold)];
}

export async function refusedByTheTypes(projectId: string): Promise<void> {
  // @ts-expect-error limit is a number
  await listProjects(none, { limit: 'twenty' }, none);
  await createWorkflow({ projectId }, none, {
    name: 'refused',
    tasks: [
      // @ts-expect-error no such task type is registered
      { id: 'a', type: 'no-such-type' },
      // @ts-expect-error external tasks take params.queue
      { id: 'b', type: 'external', params: { epochs: 3 } },
    ],
  });
  await createAlertRule({ projectId }, none, {
    name: 'refused',
    severity: 'warning',
    // @ts-expect-error the signal is one of the catalogue's
    expr: { signal: 'cpu.load', op: '>', threshold: 1 },
  });
}
`;
