import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '@libs/ddd';
import { fakeLineagePorts } from '../../../../../test/support/data-pipeline/fake-lineage-ports.js';
import { recordScenario, SCENARIO_PROJECT } from '../../../../../test/support/data-pipeline/lineage-scenario.js';
import { ExportRunOpenLineageHandler } from './export-run-openlineage.handler.js';

describe('ExportRunOpenLineageHandler', () => {
  it('answers a START and a COMPLETE RunEvent of the run, with what its tasks produced as outputs', async () => {
    const ports = fakeLineagePorts();
    await recordScenario(ports);

    const events = await new ExportRunOpenLineageHandler(ports.runEvents).execute({ runId: 'run-1' });

    expect(events.map((event) => [event.eventType, event.eventTime])).toEqual([
      ['START', '2026-01-01T00:00:00.000Z'],
      ['COMPLETE', '2026-01-01T00:05:00.000Z'],
    ]);
    const namespace = `mlops-platform://projects/${SCENARIO_PROJECT}`;
    expect(events[1]).toMatchObject({
      run: { runId: 'run-1', facets: {} },
      job: { namespace, name: 'workflows/wf-1' },
      inputs: [],
      outputs: [{ namespace, name: 'model-versions/model-v1' }],
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    });
    expect(events[1].producer).toMatch(/^https:\/\//);
  });

  it('names the datasets the run’s task runs consumed as its inputs', async () => {
    const ports = fakeLineagePorts();
    await recordScenario(ports);
    await ports.graph.recordEdge(
      { from: { type: 'dataset-version', id: 'raw' }, to: { type: 'task-run', id: 'run-1/train' }, kind: 'consumed' },
      SCENARIO_PROJECT,
    );

    const events = await new ExportRunOpenLineageHandler(ports.runEvents).execute({ runId: 'run-1' });

    expect(events[0].inputs).toEqual([
      {
        namespace: `mlops-platform://projects/${SCENARIO_PROJECT}`,
        name: 'dataset-versions/raw',
        facets: { mlops_lineage: expect.objectContaining({ dataset: { id: 'ds' } }) },
      },
    ]);
  });

  it('answers not found for a run the graph has not recorded', async () => {
    await expect(
      new ExportRunOpenLineageHandler(fakeLineagePorts().runEvents).execute({ runId: 'run-x' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
