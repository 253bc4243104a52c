import { describe, expect, it } from '@jest/globals';
import { fakeDataPipelinePorts } from '../../../../../test/support/data-pipeline/fake-ports.js';
import { FakeTableSources } from '../../../../../test/support/data-pipeline/fake-table-sources.js';
import { ACTOR, aDataset } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { SchemaMismatch } from '../../domain/errors.js';
import { SnapshotQueryRefused, TableSourceUnknown } from '../../domain/table-source/table-source-errors.js';
import { SnapshotTableSourceHandler } from './snapshot-table-source.handler.js';

async function arrange(rows = 'id,name,score\n1,ada,2.5\n2,bob,1\n') {
  const ports = fakeDataPipelinePorts();
  const dataset = aDataset();
  await ports.datasets.add(dataset);
  const sources = new FakeTableSources({ warehouse: rows });
  const handler = new SnapshotTableSourceHandler(ports.datasets, sources, ports.settings, ports.intake);
  return { ports, dataset, sources, handler };
}

describe('SnapshotTableSourceHandler', () => {
  it('records the snapshot as a Parquet version whose producer names the source and the query', async () => {
    const { ports, dataset, sources, handler } = await arrange();

    const version = await handler.execute({
      datasetId: dataset.id,
      source: 'warehouse',
      query: 'SELECT id, name, score FROM customers;',
      actorId: ACTOR,
    });

    const tableSource = { name: 'warehouse', query: 'SELECT id, name, score FROM customers' };
    expect(version).toMatchObject({ format: 'parquet', rowCount: 2, producer: { kind: 'table-source', tableSource } });
    expect(sources.requests).toEqual([expect.objectContaining({ source: 'warehouse', maxBytes: 1024 })]);
    expect(ports.events.published.map((event) => event.payload)).toEqual([
      expect.objectContaining({ producer: { kind: 'table-source', actorId: ACTOR, runId: null, tableSource } }),
    ]);
  });

  it('refuses a statement that is not a read before connecting to the source', async () => {
    const { ports, dataset, sources, handler } = await arrange();

    await expect(
      handler.execute({ datasetId: dataset.id, source: 'warehouse', query: 'DELETE FROM customers', actorId: ACTOR }),
    ).rejects.toBeInstanceOf(SnapshotQueryRefused);
    expect(sources.requests).toEqual([]);
    expect(ports.versions.rows.size).toBe(0);
  });

  it('refuses a source that is not configured', async () => {
    const { dataset, sources, handler } = await arrange();

    await expect(
      handler.execute({ datasetId: dataset.id, source: 'crm', query: 'SELECT 1', actorId: ACTOR }),
    ).rejects.toBeInstanceOf(TableSourceUnknown);
    expect(sources.requests).toEqual([]);
  });

  it("names the columns that differ from the dataset's declared schema, and stores nothing", async () => {
    const { ports, dataset, handler } = await arrange('id,full_name,score\n1,ada,2.5\n');

    const refusal = handler.execute({ datasetId: dataset.id, source: 'warehouse', query: 'SELECT 1', actorId: ACTOR });

    await expect(refusal).rejects.toBeInstanceOf(SchemaMismatch);
    await expect(refusal).rejects.toThrow(/name, full_name/);
    expect(ports.store.objects.size).toBe(0);
  });
});
