import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { waitFor } from '@libs/testing';
import { RegistryWorld } from './registry-world.js';

const RUN = '01900000-0000-7000-8000-0000000000b1';
const WORKFLOW = '01900000-0000-7000-8000-0000000000c1';
const DATASET = '01900000-0000-7000-8000-0000000000d2';

describe('the model catalogue: search, versions, lineage, serving and events', () => {
  let world: RegistryWorld;

  beforeAll(async () => {
    world = await RegistryWorld.onFilesystem();
  });
  afterAll(() => world?.close());

  const search = async (query: string): Promise<string[]> => {
    const page = await world.editor.client.call('GET', `/api/v1/projects/${world.projectId}/models?${query}`);
    expect(page.status).toBe(200);
    return (page.body.items as { name: string }[]).map((model) => model.name);
  };

  it('keeps names unique per project and finds models by prefix, tag, alias, status and time, page by page', async () => {
    const before = new Date().toISOString();
    const fraud = await world.model('fraud-detector', { tags: { team: 'risk', tier: 'gold' } });
    await world.model('fraud_v2', { tags: { team: 'risk' } });
    const churn = await world.model('churn-model', { tags: { team: 'growth' } });
    const taken = await world.editor.client.call('POST', `/api/v1/projects/${world.projectId}/models`, {
      name: 'churn-model',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.type).toBe('/problems/model-name-taken');
    const champion = await world.approvedVersion(churn.id);
    await world.editor.client.call('PUT', `/api/v1/models/${churn.id}/aliases/champion`, { versionId: champion.id });

    expect(await search('namePrefix=fraud')).toEqual(['fraud_v2', 'fraud-detector']);
    // '_' is a LIKE wildcard; escaped, it matches only itself.
    expect(await search('namePrefix=fraud_')).toEqual(['fraud_v2']);
    expect(await search('tag=team%3Drisk')).toEqual(['fraud_v2', 'fraud-detector']);
    expect(await search('tag=tier')).toEqual(['fraud-detector']);
    expect(await search('alias=champion')).toEqual(['churn-model']);
    expect(await search('approvalStatus=Approved')).toContain('churn-model');
    expect(await search(`createdAfter=${before}&namePrefix=f`)).toHaveLength(2);
    expect(await search(`createdBefore=${before}&namePrefix=f`)).toEqual([]);

    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await world.editor.client.call('GET', `/api/v1/projects/${world.projectId}/models?${query}`);
      names.push(...(page.body.items as { name: string }[]).map((model) => model.name));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(names.slice(0, 3)).toEqual(['churn-model', 'fraud_v2', 'fraud-detector']);
    expect(new Set(names).size).toBe(names.length);
    expect(fraud.version).toBe(1);
  });

  it('numbers versions per model, keeps what was trained, and lists them newest first', async () => {
    const model = await world.model('numbered');
    const signature = {
      inputs: [{ name: 'features', datatype: 'FP32', shape: [-1, 12] }],
      outputs: [{ name: 'score', datatype: 'FP32', shape: [-1, 1] }],
    };
    const first = await world.version(model.id, {
      framework: 'xgboost',
      signature,
      params: { maxDepth: 6, objective: 'binary:logistic' },
      metrics: { auc: 0.91 },
      source: { runId: RUN, taskId: 'train', workflowId: WORKFLOW },
      trainingDatasets: [{ datasetVersionId: DATASET, name: 'churn-2024' }],
    });
    const second = await world.version(model.id);
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first).toMatchObject({
      framework: 'xgboost',
      signature,
      params: { maxDepth: 6, objective: 'binary:logistic' },
      metrics: { auc: 0.91 },
      source: { runId: RUN, taskId: 'train', workflowId: WORKFLOW },
      status: 'PendingArtifact',
    });
    expect(second).toMatchObject({ signature: { inputs: [], outputs: [] }, params: {}, tags: {}, source: null });
    // The document types params as scalars by name, as the register-version task takes them.
    const nested = await world.editor.client.call('POST', `/api/v1/models/${model.id}/versions`, {
      framework: 'onnx',
      params: { grid: { maxDepth: [4, 6] } },
    });
    expect(nested.status).toBe(400);
    expect((nested.body.errors as { field: string }[]).map((error) => error.field)).toEqual(['params.grid']);
    const bad = await world.editor.client.call('POST', `/api/v1/models/${model.id}/versions`, {
      framework: 'caffe',
      signature: { inputs: [{ name: 'x', datatype: 'FLOAT', shape: [1] }], outputs: [] },
    });
    expect(bad.status).toBe(400);
    for (const outputs of [undefined, []]) {
      const outputless = await world.editor.client.call('POST', `/api/v1/models/${model.id}/versions`, {
        framework: 'onnx',
        signature: { inputs: signature.inputs, outputs },
      });
      expect(outputless.status).toBe(400);
      const said = (outputless.body.errors as { field: string; message: string }[]).map((error) => error.message);
      expect(said).toContain('outputs must not be empty: a model answers at least one output tensor');
      expect(said.filter((message) => message.includes('256'))).toEqual([]);
    }
    const listed = await world.editor.client.call('GET', `/api/v1/models/${model.id}/versions?limit=1`);
    expect((listed.body.items as { number: number }[]).map((version) => version.number)).toEqual([2]);
    const next = await world.editor.client.call(
      'GET',
      `/api/v1/models/${model.id}/versions?limit=1&cursor=${listed.body.nextCursor}`,
    );
    expect(next.body).toMatchObject({ items: [{ number: 1 }], nextCursor: null });
  });

  it('links only an approved version to an endpoint, and answers the lineage upstream and downstream in one graph', async () => {
    const model = await world.model('traced');
    const version = await world.version(model.id, {
      source: { runId: RUN, taskId: 'train', workflowId: WORKFLOW },
      trainingDatasets: [{ datasetVersionId: DATASET, name: 'churn-2024' }],
    });
    const endpoint = { endpointName: 'churn-prod', variantName: 'AllTraffic', region: 'eu-west-1' };
    const unreviewed = await world.editor.client.call(
      'PUT',
      `/api/v1/model-versions/${version.id}/sagemaker-link`,
      endpoint,
    );
    expect(unreviewed.status).toBe(409);
    expect(unreviewed.body.type).toBe('/problems/serving-needs-approval');
    expect(unreviewed.body.detail).toMatch(/PendingArtifact.*only an Approved version/);
    await world.approve(version.id);
    const linked = await world.editor.client.call(
      'PUT',
      `/api/v1/model-versions/${version.id}/sagemaker-link`,
      endpoint,
    );
    expect(linked.body.sagemaker).toEqual({
      endpointName: 'churn-prod',
      variantName: 'AllTraffic',
      region: 'eu-west-1',
    });
    const refusedLink = await world.editor.client.call('PUT', `/api/v1/model-versions/${version.id}/sagemaker-link`, {
      endpointName: 'no spaces allowed',
      variantName: 'AllTraffic',
    });
    expect(refusedLink.status).toBe(400);

    const { body: graph } = await world.editor.client.call('GET', `/api/v1/model-versions/${version.id}/lineage`);
    const kinds = Object.fromEntries(
      (graph.nodes as { id: string; kind: string }[]).map((node) => [node.id, node.kind]),
    );
    expect(kinds[`run:${RUN}`]).toBe('run');
    expect(kinds[`dataset:data-pipeline/dataset-versions/${DATASET}`]).toBe('dataset');
    expect(kinds[`job:workflow-engine/workflows/${WORKFLOW}/tasks/train`]).toBe('job');
    expect(kinds['job:sagemaker/endpoints/churn-prod/variants/AllTraffic']).toBe('job');
    expect(kinds[graph.root]).toBe('model-version');
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { from: `dataset:data-pipeline/dataset-versions/${DATASET}`, to: `run:${RUN}`, kind: 'input' },
        { from: `run:${RUN}`, to: graph.root, kind: 'output' },
        { from: graph.root, to: 'job:sagemaker/endpoints/churn-prod/variants/AllTraffic', kind: 'input' },
      ]),
    );
  });

  it("answers 404 for another project's models", async () => {
    const model = await world.model('private');
    const version = await world.version(model.id);
    const outsider = world.outsider.client;
    for (const path of [
      `/api/v1/models/${model.id}`,
      `/api/v1/models/${model.id}/versions`,
      `/api/v1/model-versions/${version.id}`,
      `/api/v1/model-versions/${version.id}/lineage`,
      `/api/v1/model-versions/${version.id}/model-card`,
      `/api/v1/projects/${world.projectId}/models`,
    ]) {
      expect([path, (await outsider.call('GET', path)).status]).toEqual([path, 404]);
    }
    expect((await outsider.call('POST', `/api/v1/models/${model.id}/versions`, { framework: 'onnx' })).status).toBe(
      404,
    );
    // The outsider's own project does not reach into ours either.
    const there = await outsider.call('GET', `/api/v1/projects/${world.outsiderProjectId}/models?namePrefix=private`);
    expect(there.body.items).toEqual([]);
  });

  it('publishes its events through the outbox to events.model-registry', async () => {
    const model = await world.model('eventful');
    const version = await world.approvedVersion(model.id);
    await world.editor.client.call('PUT', `/api/v1/models/${model.id}/aliases/live`, { versionId: version.id });
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const types = await waitFor(
        async () => {
          const entries = await redis.xrange('events.model-registry', '-', '+');
          const seen = entries
            .map(
              ([, fields]) =>
                JSON.parse(fields[fields.indexOf('envelope') + 1]) as {
                  type: string;
                  aggregateId: string;
                  payload: { modelId: string };
                },
            )
            .filter((envelope) => envelope.payload.modelId === model.id)
            .map((envelope) => envelope.type);
          return seen.length >= 5 && seen;
        },
        { what: 'the model events on the stream' },
      );
      expect(types).toEqual([
        'model-registry.model.registered.v1',
        'model-registry.model-version.created.v1',
        'model-registry.model-version.artifact-uploaded.v1',
        'model-registry.model-version.approved.v1',
        'model-registry.alias.moved.v1',
      ]);
    } finally {
      redis.disconnect();
    }
  });
});
