import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '@libs/testing';
import { AppModule } from '../../src/app.module.js';
import { CONTEXT_NAMES } from '../../src/bounded-contexts.js';
import { TEST_AUTH_ENV } from '../support/test-admin.js';
import { shapelessObjectsIn } from './openapi/shapeless-objects.js';
import { typeErrorsOfClientUsage } from './openapi/typed-client.js';

interface Operation {
  summary?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

const operationsOf = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );

describe('the OpenAPI document as a client generator reads it', () => {
  let testApp: TestApp;
  let document: Document;

  beforeAll(async () => {
    Object.assign(process.env, TEST_AUTH_ENV);
    testApp = await startTestApp((config) => AppModule.forRoot(config), CONTEXT_NAMES);
    document = (await (await fetch(`${testApp.url}/docs/openapi.json`)).json()) as Document;
  });
  afterAll(() => testApp.close());

  it('gives generated client types that a strictly typed call per context compiles against', async () => {
    expect(await typeErrorsOfClientUsage(document)).toEqual([]);
  }, 60_000);

  it('makes that check fail when the run loses its state or limit loses its type', async () => {
    const broken = structuredClone(document);
    delete broken.components.schemas.RunResponse.properties!.state;
    broken.components.schemas.RunResponse.required = broken.components.schemas.RunResponse.required!.filter(
      (name) => name !== 'state',
    );
    const limit = (
      broken.paths['/api/v1/projects'].get as unknown as { parameters: { name: string; schema: object }[] }
    ).parameters.find((parameter) => parameter.name === 'limit')!;
    limit.schema = { type: 'string' };
    const errors = (await typeErrorsOfClientUsage(broken)).join('\n');
    expect(errors).toMatch(/Property 'state' does not exist/);
    expect(errors).toMatch(/Type 'number' is not assignable to type 'string'/);
  }, 60_000);

  it("says what every object holds, by its properties or its values' type, so that no client gets `{}`", () => {
    expect(shapelessObjectsIn(document)).toEqual([]);
  });

  it('makes that check fail when a response describes an object as empty or a map by empty values', () => {
    const broken = structuredClone(document);
    const version = broken.components.schemas.ModelVersionResponse.properties!;
    version.signature = { type: 'object' };
    version.metrics = { type: 'object', additionalProperties: {} };
    const before = new Set(shapelessObjectsIn(document));
    expect(shapelessObjectsIn(broken).filter((at) => !before.has(at))).toEqual([
      '#.components.schemas.ModelVersionResponse.properties.signature',
      '#.components.schemas.ModelVersionResponse.properties.metrics.additionalProperties',
    ]);
  });

  it('documents for every operation a summary, its typed successes and its errors as problem+json', () => {
    for (const { name, operation } of operationsOf(document)) {
      const statuses = Object.keys(operation.responses);
      expect({ name, summary: typeof operation.summary }).toEqual({ name, summary: 'string' });
      expect({ name, success: statuses.some((status) => status.startsWith('2')) }).toEqual({ name, success: true });
      // A client gets a type for every success that has a body (202 and 204 have none here).
      for (const status of statuses.filter((code) => code.startsWith('2') && !['202', '204'].includes(code))) {
        expect({ name, status, typed: operation.responses[status].content !== undefined }).toEqual({
          name,
          status,
          typed: true,
        });
      }
      for (const status of statuses.filter((code) => Number(code) >= 400)) {
        expect({ name, status, types: Object.keys(operation.responses[status].content ?? {}) }).toEqual({
          name,
          status,
          types: ['application/problem+json'],
        });
      }
    }
  });

  it('lets public routes opt out of security and says 401 everywhere else', () => {
    const login = document.paths['/api/v1/auth/login'].post;
    expect(login.security).toEqual([]);
    for (const { name, operation } of operationsOf(document).filter(({ operation }) => !operation.security)) {
      expect({ name, has401: '401' in operation.responses }).toEqual({ name, has401: true });
    }
  });
});
