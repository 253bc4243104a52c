import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesystemObjectStore } from '@libs/storage';
import { csvOf, datasetVersionScenarios, plantedRows, SCHEMA, VERSION_LIMIT } from './dataset-version-scenarios.js';
import { DatasetWorld } from './dataset-world.js';

describe('datasets and versions through the API (filesystem store)', () => {
  let world: DatasetWorld;
  let directory: string;
  let store: FilesystemObjectStore;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dataset-objects-'));
    store = new FilesystemObjectStore(directory);
    world = await DatasetWorld.start({
      STORAGE_DRIVER: 'filesystem',
      STORAGE_DIR: directory,
      DATASET_VERSION_MAX_BYTES: String(VERSION_LIMIT),
    });
  });
  afterAll(async () => {
    await world?.close();
    await store?.close();
    await rm(directory, { recursive: true, force: true });
  });

  datasetVersionScenarios(
    () => world,
    () => store,
  );

  it('keeps dataset names unique per project and lists them by name', async () => {
    await world.dataset('orders', SCHEMA);
    const again = await world.editor.client.call('POST', `/api/v1/projects/${world.projectId}/datasets`, {
      name: 'orders',
      schema: SCHEMA,
    });
    await world.dataset('orders', SCHEMA, world.outsider, world.outsiderProjectId);

    expect(again.status).toBe(409);
    const listed = await world.editor.client.call('GET', `/api/v1/projects/${world.projectId}/datasets`);
    expect((listed.body.items as { name: string }[]).filter((item) => item.name === 'orders')).toHaveLength(1);
  });

  it('answers 400, not 500, to a schema given as an array (found by the OpenAPI fuzz test)', async () => {
    const refused = await world.editor.client.call('POST', `/api/v1/projects/${world.projectId}/datasets`, {
      name: 'as-array',
      schema: [],
    });
    expect([refused.status, refused.body.errors]).toEqual([400, [expect.objectContaining({ field: 'schema' })]]);
  });

  it("answers 404 for another project's dataset and versions, whatever the route", async () => {
    const dataset = await world.dataset('private-data', SCHEMA);
    const version = await world.upload(dataset.id, csvOf(plantedRows().slice(0, 5)), 'text/csv');
    const outsider = world.outsider.client;

    expect((await outsider.call('GET', `/api/v1/datasets/${dataset.id}`)).status).toBe(404);
    expect((await outsider.call('GET', `/api/v1/datasets/${dataset.id}/versions`)).status).toBe(404);
    expect((await outsider.call('GET', `/api/v1/dataset-versions/${version.body.id}`)).status).toBe(404);
    expect((await world.content(version.body.id, world.outsider)).status).toBe(404);
    expect((await world.upload(dataset.id, 'id,city,amount\n1,a,1\n', 'text/csv', world.outsider)).status).toBe(404);
    expect((await outsider.call('GET', `/api/v1/projects/${world.projectId}/datasets`)).status).toBe(404);
  });

  it('answers 400 naming the line of a malformed CSV and of a value that is not its declared type', async () => {
    const dataset = await world.dataset('malformed', SCHEMA);

    const unclosed = await world.upload(dataset.id, 'id,city,amount\n1,oslo,2\n2,"lima,3\n3,pune,4\n', 'text/csv');
    const tooWide = await world.upload(dataset.id, 'id,city,amount\n1,oslo,2\n2,lima,3\n3,pune,4,5\n', 'text/csv');
    const uncastable = await world.upload(dataset.id, 'id,city,amount\n1,oslo,2\n2,lima,lots\n', 'text/csv');

    expect([unclosed.status, tooWide.status, uncastable.status]).toEqual([400, 400, 400]);
    expect(unclosed.body.detail).toMatch(/line 3/);
    expect(tooWide.body.detail).toMatch(/line 4/);
    expect(uncastable.body.detail).toMatch(/line 3: .*"amount"/);
  });

  it('answers 400 naming each column that differs from the declared schema', async () => {
    const dataset = await world.dataset('mismatched', SCHEMA);

    const refused = await world.upload(dataset.id, 'id,town,amount,extra\n1,oslo,2,x\n', 'text/csv');

    expect(refused.status).toBe(400);
    expect((refused.body.errors as { field: string }[]).map((problem) => problem.field)).toEqual([
      'columns.city',
      'columns.town',
      'columns.extra',
    ]);
    expect(refused.body.detail).toContain('city, town, extra');
  });

  it('numbers versions uploaded at once without a gap or a repeat, one of them streamed in chunks', async () => {
    const dataset = await world.dataset('concurrent', SCHEMA);
    const csv = csvOf(plantedRows());
    const chunks = [csv.slice(0, 1000), csv.slice(1000)].map((part) => new TextEncoder().encode(part));
    const chunked = fetch(`${world.app.url}/api/v1/datasets/${dataset.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.editor.tokens.accessToken}`, 'content-type': 'text/csv' },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      }),
      duplex: 'half',
    });

    const answers = await Promise.all([chunked, world.upload(dataset.id, csv, 'text/csv')]);

    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    const listed = await world.editor.client.call('GET', `/api/v1/datasets/${dataset.id}/versions`);
    const versions = listed.body.items as { number: number; rowCount: number }[];
    expect(versions.map((version) => version.number)).toEqual([2, 1]);
    expect(versions.map((version) => version.rowCount)).toEqual([plantedRows().length, plantedRows().length]);
  });

  it('answers 415 to a body of another media type', async () => {
    const dataset = await world.dataset('typed', SCHEMA);

    expect((await world.upload(dataset.id, 'id\n1\n', 'text/plain')).status).toBe(415);
  });
});
