import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor, type AppProcess } from '@libs/testing';
import { LINEAR_BIAS, LINEAR_WEIGHTS, linearModel } from '../../support/prediction/linear-model.js';
import { LINEAR_SIGNATURE } from '../../support/prediction/onnx-deployments.js';
import { SplitDeployment } from '../../support/split-deployment.js';
import { ADMIN, Client, newUser, type NewUser } from '../user-management/auth-client.js';

const PER_VARIANT = 64;

/**
 * Prediction alone in one process, the model registry in another (issue 15 item 2, docs/adr/0704):
 * every ModelRegistryFacade call prediction makes crosses to the registry's process over its
 * signed internal routes, which no user's credential opens.
 */
describe('facades of a context hosted in another process', () => {
  let deployment: SplitDeployment;
  let registry: AppProcess;
  let prediction: AppProcess;
  let owner: NewUser;
  let approver: NewUser;
  let serving: Client;
  let projectId: string;
  let modelId: string;

  /** An ONNX version of `modelId` with the linear signature, uploaded and approved by the second owner. */
  async function approvedVersion(weights: readonly (readonly number[])[], bias: readonly number[]): Promise<string> {
    const version = await owner.client.call('POST', `/api/v1/models/${modelId}/versions`, {
      framework: 'onnx',
      signature: LINEAR_SIGNATURE,
    });
    expect(version.status).toBe(201);
    const uploaded = await fetch(`${registry.url}/api/v1/model-versions/${version.body.id}/artifact`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${owner.tokens.accessToken}`, 'content-type': 'application/octet-stream' },
      body: linearModel(weights, bias),
    });
    expect(uploaded.status).toBe(200);
    const approved = await approver.client.call('POST', `/api/v1/model-versions/${version.body.id}/approval`, {
      decision: 'Approved',
      comment: 'checked',
    });
    expect(approved.status).toBe(200);
    return version.body.id as string;
  }

  async function aliasVersion(alias: string): Promise<string | undefined> {
    const aliases = await owner.client.call('GET', `/api/v1/models/${modelId}/aliases`);
    return (aliases.body as { alias: string; versionId: string }[]).find((found) => found.alias === alias)?.versionId;
  }

  beforeAll(async () => {
    deployment = await SplitDeployment.create();
    // The registry's process first: it runs user management's migrations, which the other's guard reads.
    registry = await deployment.start('user-management,model-registry');
    prediction = await deployment.start('prediction', {
      PREDICTION_LOG_FLUSH_INTERVAL_MS: '50',
      PREDICTION_EXPERIMENT_INTERVAL_MS: '200',
      PREDICTION_BANDIT_REFRESH_MS: '0',
    });
    const anonymous = new Client(registry.url);
    const admin = anonymous.withToken((await anonymous.login(ADMIN.email, ADMIN.password)).accessToken);
    [owner, approver] = [await newUser(admin, anonymous), await newUser(admin, anonymous)];
    projectId = (await owner.client.call('POST', '/api/v1/projects', { name: `remote-facades-${Date.now()}` })).body.id;
    await owner.client.call('PUT', `/api/v1/projects/${projectId}/members/${approver.id}`, { role: 'owner' });
    modelId = (await owner.client.call('POST', `/api/v1/projects/${projectId}/models`, { name: 'churn' })).body.id;
    // The prediction process's own URL: its routes are served there, the registry's forwarded.
    serving = new Client(prediction.url).withToken(owner.tokens.accessToken).withHeaders({ 'x-project-id': projectId });
  });
  afterAll(() => deployment?.close());

  it('deploys `name@alias` in the prediction process, the alias resolved by the registry in the other', async () => {
    const version = await approvedVersion(LINEAR_WEIGHTS, LINEAR_BIAS);
    expect(
      (await owner.client.call('PUT', `/api/v1/models/${modelId}/aliases/champion`, { versionId: version })).status,
    ).toBe(200);
    const created = await serving.call('POST', `/api/v1/projects/${projectId}/deployments`, {
      name: 'churn-by-alias',
      variants: [{ name: 'champion', model: 'churn@champion', runtime: 'onnx' }],
    });
    expect(created.status).toBe(201);
    expect(created.body.variants[0]).toMatchObject({ model: 'churn@champion', modelVersionId: version });
    const inferred = await serving.call('POST', '/v2/models/churn-by-alias/infer', {
      inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: [1, 0, 0] }],
    });
    expect(inferred.status).toBe(200);
    expect(inferred.body.outputs[0].data).toEqual([1.5, 1]);

    // The registry's answer "no such alias" crosses as undefined: the deployment is refused as locally.
    const unknown = await serving.call('POST', `/api/v1/projects/${projectId}/deployments`, {
      name: 'churn-by-missing-alias',
      variants: [{ name: 'champion', model: 'churn@no-such-alias', runtime: 'onnx' }],
    });
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
    expect(unknown.body.detail).toContain('churn@no-such-alias');
  });

  it('moves the alias to an experiment’s winner by the prediction context’s policy, through the registry’s rules', async () => {
    const [first, better] = [
      await approvedVersion(LINEAR_WEIGHTS, LINEAR_BIAS),
      await approvedVersion(
        LINEAR_WEIGHTS.map((row) => row.map((w) => w * 2)),
        [0, 0],
      ),
    ];
    expect(
      (await owner.client.call('PUT', `/api/v1/models/${modelId}/aliases/best`, { versionId: first })).status,
    ).toBe(200);
    const created = await serving.call('POST', `/api/v1/projects/${projectId}/deployments`, {
      name: 'churn-experiment',
      variants: [
        { name: 'a', model: first, runtime: 'onnx', weight: 50 },
        { name: 'b', model: better, runtime: 'onnx', weight: 50 },
      ],
      serving: {
        logging: { sampleRate: 0, retentionDays: 7 },
        experiment: { metric: 'accuracy', alpha: 0.05, minSamples: 48, promote: { enabled: true, alias: 'best' } },
      },
    });
    expect(created.status).toBe(201);

    // Feedback says b is always right and a right one time in four: a significant win for b.
    for (const variant of ['a', 'b'] as const) {
      for (let start = 0; start < PER_VARIANT; start += 8) {
        const answers = await Promise.all(
          Array.from({ length: 8 }, (_, offset) =>
            serving.call('POST', `/v2/models/churn-experiment/versions/${variant}/infer`, {
              inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: [start + offset, 0, 0] }],
            }),
          ),
        );
        const feedback = answers.map((answer, offset) => {
          expect(answer.status).toBe(200);
          const predicted = answer.body.outputs[0].data[0] as number;
          const right = variant === 'b' || offset % 4 === 0;
          return serving.call('POST', `/api/v1/predictions/${answer.body.id}/feedback`, {
            label: right ? predicted : predicted + 1000,
          });
        });
        for (const given of await Promise.all(feedback)) expect(given.status).toBe(204);
      }
    }

    const decisions = await waitFor(
      async () => {
        const experiment = await serving.call('GET', `/api/v1/deployments/${created.body.id}/experiment`);
        return experiment.body.decisions?.length > 0 ? experiment.body.decisions : undefined;
      },
      { timeoutMs: 30_000, what: 'the promotion of the winner' },
    );
    expect(decisions).toEqual([expect.objectContaining({ alias: 'best', toVersionId: better, outcome: 'moved' })]);
    expect(await aliasVersion('best')).toBe(better);
  });

  it('answers a user’s token on an internal route 401 at the owner, and 404 where the route is only forwarded', async () => {
    const path = '/api/v1/internal/facades/model-registry/resolve-alias';
    const body = JSON.stringify([projectId, 'churn', 'champion']);
    const headers = { authorization: `Bearer ${owner.tokens.accessToken}`, 'content-type': 'application/json' };
    const atOwner = await fetch(`${registry.url}${path}`, { method: 'POST', headers, body });
    expect(atOwner.status).toBe(401);
    expect(atOwner.headers.get('content-type')).toContain('application/problem+json');
    expect(((await atOwner.json()) as { type: string }).type).toBe('/problems/service-call-refused');
    // Internal routes are in no OpenAPI document, so no process forwards them.
    const forwarded = await fetch(`${prediction.url}${path}`, { method: 'POST', headers, body });
    expect(forwarded.status).toBe(404);
  });
});
