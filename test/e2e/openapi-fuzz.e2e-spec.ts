import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from '@libs/testing';
import fc from 'fast-check';
import { v7 } from 'uuid';
import { hostileBody, type JsonSchema } from '../support/hostile-bodies.js';
import { ADMIN, Client, startWholeApp } from './user-management/auth-client.js';

// Bodies per operation; about 30 operations take one. FUZZ_RUNS raises it for a longer hunt.
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
// Credential routes are fuzzed as a stranger would call them, everything else as the admin.
const FUZZER_ADDRESS = '192.0.2.77';
const UNAUTHENTICATED = new Set(['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/sign-up']);

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly schema: JsonSchema;
}

interface OpenApiDocument {
  readonly paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema?: JsonSchema }> } }>
  >;
  readonly components: { readonly schemas: Record<string, JsonSchema> };
}

function operationsWithJsonBodies(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]) => {
      const schema = operation.requestBody?.content['application/json']?.schema;
      return schema ? [{ method: method.toUpperCase(), path, schema }] : [];
    }),
  );
}

/** One body per declared field holding null, the value validators most often let through as absent. */
function nullFieldExamples(schema: JsonSchema, document: OpenApiDocument): [unknown][] {
  const resolved = schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema;
  return Object.keys(resolved?.properties ?? {}).map((field) => [{ [field]: null }]);
}

/** A version of a small dataset, so that check suites reach the engine rather than the access guard's 404. */
async function aDatasetVersion(url: string, token: string, projectId: string): Promise<string> {
  const headers = { authorization: `Bearer ${token}` };
  const schema = { columns: [{ name: 'id', type: 'integer', nullable: false }], primaryKey: ['id'] };
  const dataset = await fetch(`${url}/api/v1/projects/${projectId}/datasets`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'fuzzed-data', schema }),
  });
  const { id } = (await dataset.json()) as { id: string };
  const version = await fetch(`${url}/api/v1/datasets/${id}/versions`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body: 'id\n1\n2\n',
  });
  expect([dataset.status, version.status]).toEqual([201, 201]);
  return ((await version.json()) as { id: string }).id;
}

describe('request bodies generated from the OpenAPI document', () => {
  const FUZZ_SETTINGS = {
    TRUSTED_PROXIES: '127.0.0.1',
    RATE_LIMIT_ENABLED: 'false',
  };
  let app: TestApp;
  let document: OpenApiDocument;
  let adminToken: string;
  // Real resources, so that bodies reach the handlers behind the access checks.
  const resourceIds: Record<string, string> = {};

  beforeAll(async () => {
    // The login fuzz fails hundreds of logins: they count against an address of its own (believed
    // from the test, its proxy), not against 127.0.0.1, which the other test files log in from.
    // Rate limits off: the fuzz sends thousands of requests a minute as one admin, and may store tight
    // limits on its project through the rate-limit route; budgets would turn bodies away before they
    // reach the handlers under test (the limits have tests of their own, test/e2e/api-gateway).
    // The fuzz judges how bad input is answered, not outages: on a starved event loop (a loaded
    // machine) a Redis reply read after 1 s would count as Redis down and answer 503.
    app = await startWholeApp(FUZZ_SETTINGS);
    const anonymous = new Client(app.url);
    adminToken = (await anonymous.login(ADMIN.email, ADMIN.password)).accessToken;
    const admin = anonymous.withToken(adminToken);
    const project = await admin.call('POST', '/api/v1/projects', { name: `fuzz-${Date.now()}` });
    const workflow = await admin.call('POST', `/api/v1/projects/${project.body.id}/workflows`, {
      name: 'fuzzed',
      tasks: [{ id: 'train', type: 'noop' }],
    });
    const model = await admin.call('POST', `/api/v1/projects/${project.body.id}/models`, { name: 'fuzzed-model' });
    expect([project.status, workflow.status, model.status]).toEqual([201, 201, 201]);
    Object.assign(resourceIds, { projects: project.body.id, workflows: workflow.body.id, models: model.body.id });
    resourceIds['dataset-versions'] = await aDatasetVersion(app.url, adminToken, project.body.id as string);
    document = (await (await fetch(`${app.url}/docs/openapi.json`)).json()) as OpenApiDocument;
  });
  afterAll(async () => {
    await app.close();
    // startWholeApp put the settings in process.env: the next test files of this worker get the defaults.
    for (const name of Object.keys(FUZZ_SETTINGS)) delete process.env[name];
  });

  /** A path parameter: the real resource named by the segment before it, else a fresh id or name. */
  function fillPath(path: string): string {
    return path.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
      const collection = path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
      if (resourceIds[collection]) return resourceIds[collection];
      if (name === 'projectId') return resourceIds.projects;
      if (name === 'modelId') return resourceIds.models;
      return name === 'alias' || name === 'taskId' ? 'candidate' : v7();
    });
  }

  /** Sends `RUNS` generated bodies to one operation; says what failed, if anything did. */
  async function fuzz(operation: Operation): Promise<string | undefined> {
    const url = fillPath(operation.path);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': FUZZER_ADDRESS };
    if (!UNAUTHENTICATED.has(operation.path)) headers.authorization = `Bearer ${adminToken}`;
    let answered = '';
    const result = await fc.check(
      fc.asyncProperty(hostileBody(operation.schema, document.components.schemas), async (body) => {
        const payload = JSON.stringify(body);
        const response = await app.app.inject({ method: operation.method as 'POST', url, headers, payload });
        const isProblem = /^application\/problem\+json/.test(String(response.headers['content-type']));
        answered = `${response.statusCode}: ${response.body.slice(0, 300)}`;
        return response.statusCode < 500 && (response.statusCode < 400 || isProblem);
      }),
      { numRuns: RUNS, endOnFailure: true, examples: nullFieldExamples(operation.schema, document) },
    );
    if (!result.failed) return undefined;
    const body = JSON.stringify(result.counterexample?.[0])?.slice(0, 200);
    return `${operation.method} ${operation.path} ${body} -> ${answered}`;
  }

  it('never answers 5xx, and answers every refusal with problem+json', async () => {
    const pending = operationsWithJsonBodies(document);
    expect(pending.length).toBeGreaterThan(20);
    const failures: string[] = [];
    // A few operations at once: the requests mostly wait on PostgreSQL and Redis, not on the CPU.
    const fuzzer = async () => {
      for (let operation = pending.shift(); operation; operation = pending.shift()) {
        const failure = await fuzz(operation);
        if (failure) failures.push(failure);
      }
    };
    await Promise.all(Array.from({ length: 4 }, fuzzer));
    expect(failures).toEqual([]);
  }, 240_000);
});
