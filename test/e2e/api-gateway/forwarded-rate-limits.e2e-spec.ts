/**
 * @jest-environment ./test/support/prediction/onnx-test-environment.ts
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort, type AppProcess } from '@libs/testing';
import { GROUPS, SplitDeployment, waitUntilRouted } from '../../support/split-deployment.js';
import { approvedOnnxVersion, deployChampion } from '../../support/prediction/onnx-deployments.js';
import { RegistryWorld } from '../model-registry/registry-world.js';
import { Client } from '../user-management/auth-client.js';

// The gateways limit API keys to 100 and users to 1000 a minute; the instance behind them limits nothing.
const GATEWAY_ENV = { RATE_LIMIT_ENABLED: 'true', RATE_LIMITS: 'api-key:100/60,user:1000/60' };
const UPSTREAM_CONTEXTS = 'user-management,model-registry,prediction';
const rows = (count: number) => Array.from({ length: count }, (_, index) => [index, 0, 1]);

describe('rate limits of requests two gateway processes forward (issue 15, ADR 0701)', () => {
  let world: RegistryWorld;
  let deployment: SplitDeployment;
  let gateways: AppProcess[];
  let deploymentId: string;

  /** A new key of the project that may read deployments and predict, as headers. */
  async function apiKey(): Promise<Record<string, string>> {
    const created = await world.owner.client.call('POST', '/api/v1/api-keys', {
      name: `forwarded-${Math.random()}`,
      projectId: world.projectId,
      permissions: ['deployment:read', 'prediction:invoke'],
    });
    expect(created.status).toBe(201);
    return { 'x-api-key': created.body.key as string };
  }

  beforeAll(async () => {
    // The instance serving every route is in-process (for the ONNX runtime), on a port it announces.
    world = await RegistryWorld.onFilesystem({ PORT: String(await freePort()) }, UPSTREAM_CONTEXTS);
    deployment = await SplitDeployment.create();
    gateways = await Promise.all([
      deployment.start(GROUPS.gateway, GATEWAY_ENV),
      deployment.start(GROUPS.gateway, GATEWAY_ENV),
    ]);
    const modelId = (await world.model('churn')).id as string;
    deploymentId = await deployChampion(world, 'churn', await approvedOnnxVersion(world, modelId));
    await Promise.all(
      gateways.map((gateway) =>
        waitUntilRouted(gateway, `/api/v1/deployments/${deploymentId}`, world.editor.tokens.accessToken),
      ),
    );
  });
  afterAll(async () => {
    await deployment?.close();
    await world?.close();
  });

  it('lets 100 +- 1 of 300 concurrent requests of one key through two gateways, which share its budget', async () => {
    const key = await apiKey();
    const [first, second] = gateways.map((gateway) => new Client(gateway.url, key));
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, index) =>
        (index % 2 === 0 ? first : second).call('GET', `/api/v1/deployments/${deploymentId}`),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    const admitted = statuses.filter((status) => status === 200).length;
    expect(admitted).toBeGreaterThanOrEqual(99);
    expect(admitted).toBeLessThanOrEqual(101);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);

    const answered = answers.find((answer) => answer.status === 200)!;
    expect(answered.body.id).toBe(deploymentId);
    expect(answered.headers.get('ratelimit-policy')).toBe('"api-key";q=100;w=60');
    expect(answered.headers.get('ratelimit')).toMatch(/^"api-key";r=\d+;t=\d+$/);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 429, type: expect.stringContaining('/problems/rate-limited') });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit')).toMatch(/^"api-key";r=0;t=\d+$/);
  });

  it('takes 50 units for a prediction batch of 50 rows forwarded by a gateway, and refuses one that no longer fits', async () => {
    const key = await apiKey();
    const [first, second] = gateways.map((gateway) => new Client(gateway.url, key));
    const predicted = await first.call('POST', `/api/v1/deployments/${deploymentId}/predict`, { instances: rows(50) });
    expect(predicted.status).toBe(200);
    expect(predicted.body.predictions).toHaveLength(50);
    expect(predicted.headers.get('ratelimit')).toMatch(/^"api-key";r=50;t=\d+$/);

    const read = await second.call('GET', `/api/v1/deployments/${deploymentId}`);
    expect(read.headers.get('ratelimit')).toMatch(/^"api-key";r=49;t=\d+$/);
    const refused = await second.call('POST', `/api/v1/deployments/${deploymentId}/predict`, { instances: rows(50) });
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/api-key rate limit is used up/);
  });

  it('counts a user by a verified access token, and forwards a forged one uncounted to be refused', async () => {
    const path = `/api/v1/deployments/${deploymentId}`;
    const byUser = await new Client(gateways[1].url).withToken(world.editor.tokens.accessToken).call('GET', path);
    expect(byUser.status).toBe(200);
    expect(byUser.headers.get('ratelimit-policy')).toBe('"user";q=1000;w=60');

    // Another user's claims under the editor's signature: jose refuses it, so no budget is named by its `sub`.
    const [header, , signature] = world.editor.tokens.accessToken.split('.');
    const [, claims] = world.outsider.tokens.accessToken.split('.');
    const forged = await new Client(gateways[0].url).withToken(`${header}.${claims}.${signature}`).call('GET', path);
    expect(forged.status).toBe(401);
    expect(forged.headers.get('ratelimit-policy')).toBeNull();
  });

  it('counts a key nobody issued on its own budget only, and the instance refuses it', async () => {
    const unknown = new Client(gateways[0].url, { 'x-api-key': `mlk_${'x'.repeat(43)}` });
    const refused = await unknown.call('GET', `/api/v1/deployments/${deploymentId}`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('ratelimit-policy')).toBe('"api-key";q=100;w=60');
    expect(refused.headers.get('ratelimit')).toMatch(/^"api-key";r=99;t=\d+$/);
  });
});
