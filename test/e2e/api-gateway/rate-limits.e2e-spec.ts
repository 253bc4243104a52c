/**
 * @jest-environment ./test/support/prediction/onnx-test-environment.ts
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor, type TestApp } from '@libs/testing';
import { Client } from '../user-management/auth-client.js';
import { RegistryWorld } from '../model-registry/registry-world.js';
import { LINEAR_BIAS, LINEAR_WEIGHTS, linearModel } from '../../support/prediction/linear-model.js';

const CONTEXTS = 'user-management,api-gateway,model-registry,prediction';
const SIGNATURE = {
  inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 3] }],
  outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 2] }],
};
const rows = (count: number) => Array.from({ length: count }, (_, index) => [index, 0, 1]);

describe('rate limits shared by two processes (api-gateway, PostgreSQL, Redis)', () => {
  let world: RegistryWorld;
  let second: TestApp;
  let deploymentId: string;

  /** A new key of the project that may read deployments and predict, as headers. */
  async function apiKey(): Promise<Record<string, string>> {
    const created = await world.owner.client.call('POST', '/api/v1/api-keys', {
      name: `scoring-${Math.random()}`,
      projectId: world.projectId,
      permissions: ['deployment:read', 'prediction:invoke'],
    });
    expect(created.status).toBe(201);
    return { 'x-api-key': created.body.key as string };
  }

  beforeAll(async () => {
    // Only API keys are limited, so the users setting the world up are not.
    world = await RegistryWorld.onFilesystem(
      { RATE_LIMIT_ENABLED: 'true', RATE_LIMITS: 'api-key:100/60' },
      CONTEXTS,
    );
    second = await world.anotherInstance();
    const modelId = (await world.model('churn')).id as string;
    const version = await world.version(modelId, { signature: SIGNATURE });
    expect((await world.upload(version.id, linearModel(LINEAR_WEIGHTS, LINEAR_BIAS))).status).toBe(200);
    const approved = await world.approver.client.call('POST', `/api/v1/model-versions/${version.id}/approval`, {
      decision: 'Approved',
      comment: 'checked',
    });
    expect(approved.status).toBe(200);
    const created = await world.editor.client.call('POST', `/api/v1/projects/${world.projectId}/deployments`, {
      name: 'churn',
      variants: [{ name: 'main', model: version.id, runtime: 'onnx' }],
    });
    expect(created.status).toBe(201);
    deploymentId = created.body.id as string;
  });
  afterAll(async () => {
    await second?.close();
    await world?.close();
  });

  it('lets 100 of 300 concurrent requests of one key through, across two processes', async () => {
    const key = await apiKey();
    const [onFirst, onSecond] = [new Client(world.app.url, key), new Client(second.url, key)];
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, index) =>
        (index % 2 === 0 ? onFirst : onSecond).call('GET', `/api/v1/deployments/${deploymentId}`),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(99);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(101);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);

    const admitted = answers.find((answer) => answer.status === 200)!;
    expect(admitted.headers.get('ratelimit-policy')).toBe('"api-key";q=100;w=60');
    expect(admitted.headers.get('ratelimit')).toMatch(/^"api-key";r=\d+;t=\d+$/);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 429, type: expect.stringContaining('/problems/rate-limited') });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit')).toMatch(/^"api-key";r=0;t=\d+$/);
  });

  it('takes 50 units for a prediction batch of 50 rows, and refuses a batch that no longer fits', async () => {
    const key = await apiKey();
    const onFirst = new Client(world.app.url, key);
    const predicted = await onFirst.call('POST', `/api/v1/deployments/${deploymentId}/predict`, {
      instances: rows(50),
    });
    expect(predicted.status).toBe(200);
    expect(predicted.body.predictions).toHaveLength(50);
    expect(predicted.headers.get('ratelimit')).toMatch(/^"api-key";r=50;t=\d+$/);

    const read = await new Client(second.url, key).call('GET', `/api/v1/deployments/${deploymentId}`);
    expect(read.headers.get('ratelimit')).toMatch(/^"api-key";r=49;t=\d+$/);
    const refused = await onFirst.call('POST', `/api/v1/deployments/${deploymentId}/predict`, { instances: rows(50) });
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/api-key rate limit is used up/);
  });

  it("holds a project's own limits in every process from the next request on", async () => {
    const put = await world.owner.client.call('PUT', `/api/v1/projects/${world.projectId}/rate-limits`, {
      limits: [{ scope: 'deployment', limit: 3, windowSeconds: 60 }],
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      limits: [{ scope: 'deployment', limit: 3, windowSeconds: 60 }],
      defaults: [{ scope: 'api-key', limit: 100, windowSeconds: 60 }],
      effective: [
        { scope: 'api-key', limit: 100, windowSeconds: 60 },
        { scope: 'deployment', limit: 3, windowSeconds: 60 },
      ],
    });
    // The second process had the project's (empty) limits cached; the change reaches it over Redis.
    const editorOnSecond = new Client(second.url).withToken(world.editor.tokens.accessToken);
    const firstLimited = await waitFor(
      async () => {
        const answer = await editorOnSecond.call('GET', `/api/v1/deployments/${deploymentId}`);
        return answer.headers.get('ratelimit-policy')?.includes('"deployment"') && answer;
      },
      { what: 'the new limit in the second process' },
    );
    expect(firstLimited.headers.get('ratelimit')).toMatch(/^"deployment";r=2;t=\d+$/);
    expect((await editorOnSecond.call('GET', `/api/v1/deployments/${deploymentId}`)).status).toBe(200);
    expect((await world.editor.client.call('GET', `/api/v1/deployments/${deploymentId}`)).status).toBe(200);
    expect((await world.editor.client.call('GET', `/api/v1/deployments/${deploymentId}`)).status).toBe(429);

    const read = await world.editor.client.call('GET', `/api/v1/projects/${world.projectId}/rate-limits`);
    expect(read.body.limits).toEqual([{ scope: 'deployment', limit: 3, windowSeconds: 60 }]);
  });

  it('lets only project admins change limits, hides other projects, and refuses bad limits with 400', async () => {
    const path = `/api/v1/projects/${world.projectId}/rate-limits`;
    const body = { limits: [{ scope: 'project', limit: 10, windowSeconds: 60 }] };
    expect((await world.editor.client.call('PUT', path, body)).status).toBe(403);
    expect((await world.outsider.client.call('PUT', path, body)).status).toBe(404);
    expect((await world.outsider.client.call('GET', path)).status).toBe(404);
    for (const limits of [
      [{ scope: 'planet', limit: 10, windowSeconds: 60 }],
      [{ scope: 'user', limit: 0, windowSeconds: 60 }],
      [
        { scope: 'user', limit: 5, windowSeconds: 60 },
        { scope: 'user', limit: 6, windowSeconds: 60 },
      ],
    ]) {
      const refused = await world.owner.client.call('PUT', path, { limits });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
