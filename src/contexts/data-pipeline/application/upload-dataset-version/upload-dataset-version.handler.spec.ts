import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { ObjectTooLargeError } from '@libs/storage/ports';
import { fakeDataPipelinePorts } from '../../../../../test/support/data-pipeline/fake-ports.js';
import { ACTOR, aDataset, bytesOf, PROJECT } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { SchemaMismatch } from '../../domain/errors.js';
import { UploadDatasetVersionHandler } from './upload-dataset-version.handler.js';

const CSV = 'id,name,score\n1,ada,2.5\n2,,3.5\n3,bob,\n';

async function arrange(maxBytes?: number) {
  const ports = fakeDataPipelinePorts(maxBytes);
  const dataset = aDataset();
  await ports.datasets.add(dataset);
  return { ports, dataset, handler: new UploadDatasetVersionHandler(ports.datasets, ports.intake) };
}

const upload = (datasetId: string, text = CSV) => ({
  datasetId,
  body: bytesOf(text),
  format: 'csv' as const,
  actorId: ACTOR,
});

describe('UploadDatasetVersionHandler', () => {
  it('stores the file under a key of its own, records what the engine measured and publishes the version', async () => {
    const { ports, dataset, handler } = await arrange();

    const version = await handler.execute(upload(dataset.id));

    expect(version).toMatchObject({
      datasetId: dataset.id,
      projectId: PROJECT,
      number: 1,
      format: 'csv',
      sizeBytes: Buffer.byteLength(CSV),
      sha256: createHash('sha256').update(CSV).digest('hex'),
      rowCount: 3,
      producer: { kind: 'upload', actorId: ACTOR },
    });
    expect(version.objectKey).toBe(`data-pipeline/${PROJECT}/datasets/${dataset.id}/${version.id}.csv`);
    expect(ports.store.objects.get(version.objectKey)?.bytes.toString()).toBe(CSV);
    expect(version.profile.map((column) => [column.name, column.nulls])).toEqual([
      ['id', 0],
      ['name', 1],
      ['score', 1],
    ]);
    expect(ports.versions.rows.get(version.id)).toEqual(version);
    expect(ports.transaction.runs).toBe(1);
    expect(ports.events.published).toEqual([
      {
        type: 'data-pipeline.dataset-version.created.v1',
        payload: {
          datasetId: dataset.id,
          projectId: PROJECT,
          versionId: version.id,
          versionNumber: 1,
          format: 'csv',
          rowCount: 3,
          sizeBytes: version.sizeBytes,
          sha256: version.sha256,
          producer: { kind: 'upload', actorId: ACTOR, runId: null },
        },
        subject: { aggregateId: dataset.id, aggregateVersion: 1 },
      },
    ]);
  });

  it('reads the file with the declared types in the order of its own columns', async () => {
    const { ports, dataset, handler } = await arrange();

    await handler.execute(upload(dataset.id, 'score,id,name\n1.5,1,ada\n'));

    expect(ports.engine.profiled[0].columns?.map((column) => [column.name, column.type])).toEqual([
      ['score', 'float'],
      ['id', 'integer'],
      ['name', 'string'],
    ]);
  });

  it('numbers versions of a dataset in order and keeps each one', async () => {
    const { ports, dataset, handler } = await arrange();

    const first = await handler.execute(upload(dataset.id));
    const second = await handler.execute(upload(dataset.id, 'id,name,score\n9,zed,1\n'));

    expect([first.number, second.number]).toEqual([1, 2]);
    expect(second.objectKey).not.toBe(first.objectKey);
    expect(ports.store.objects.get(first.objectKey)?.bytes.toString()).toBe(CSV);
  });

  it('refuses a file whose columns are not the declared ones, naming each, and keeps no object', async () => {
    const { ports, dataset, handler } = await arrange();

    const refused = await handler.execute(upload(dataset.id, 'id,nickname\n1,ada\n')).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(SchemaMismatch);
    expect((refused as SchemaMismatch).errors?.map((problem) => problem.field)).toEqual([
      'columns.name',
      'columns.score',
      'columns.nickname',
    ]);
    expect(ports.store.objects.size).toBe(0);
    expect(ports.versions.rows.size).toBe(0);
    expect(ports.events.published).toEqual([]);
  });

  it('passes on the store refusal of a file over the limit, recording nothing', async () => {
    const { ports, dataset, handler } = await arrange(16);

    await expect(handler.execute(upload(dataset.id))).rejects.toBeInstanceOf(ObjectTooLargeError);
    expect(ports.store.objects.size).toBe(0);
    expect(ports.versions.rows.size).toBe(0);
  });

  it('answers not found for an unknown dataset, storing nothing', async () => {
    const { ports, handler } = await arrange();

    await expect(handler.execute(upload('missing'))).rejects.toBeInstanceOf(NotFoundError);
    expect(ports.store.objects.size).toBe(0);
  });
});
