import { describe, expect, it } from '@jest/globals';
import { ACTOR, PROJECT } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import {
  fakePipelinePorts,
  type PipelinePorts,
} from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import {
  aPipeline,
  aPipelineWorld,
  scriptOneNullName,
} from '../../../../../test/support/data-pipeline/pipeline-objects.js';
import type { DatasetVersion } from '../../domain/dataset/dataset-version.js';
import { PipelineRun } from '../../domain/pipeline/pipeline-run.js';

async function aQueuedRun(ports: PipelinePorts, options: { quarantine?: boolean } = {}) {
  const source = await aPipelineWorld(ports);
  const pipeline = await aPipeline(ports, source, options);
  const { run } = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });
  scriptOneNullName(ports);
  ports.events.published.length = 0;
  return { source, pipeline, run };
}

function stored(ports: PipelinePorts, id: string): PipelineRun {
  const row = ports.runs.rows.get(id);
  if (!row) throw new Error(`the run ${id} was not stored`);
  return PipelineRun.restore(row);
}
const loadedBy = (ports: PipelinePorts, runId: string): DatasetVersion[] =>
  [...ports.versions.rows.values()].filter((version) => version.producer.runId === runId);

describe('ExecutePipelineRunHandler', () => {
  it('runs each step, quarantines the rows failing error checks, loads the clean rows, and records it all', async () => {
    const ports = fakePipelinePorts();
    const { source, run } = await aQueuedRun(ports);

    await ports.executing.execute({ runId: run.id, attempt: 1, lastTry: false });

    const done = stored(ports, run.id).snapshot;
    expect(done.status).toBe('succeeded');
    expect(done.steps.map((step) => [step.name, step.status])).toEqual([
      ['raw', 'succeeded'],
      ['shaped', 'succeeded'],
      ['checked', 'succeeded'],
      ['store', 'succeeded'],
    ]);
    expect(ports.engine.transforms.map((transform) => transform.operations.map((operation) => operation.op))).toEqual([
      [],
      ['derive'],
    ]);
    expect(ports.engine.transforms[0]?.input).toMatchObject({
      path: `/runs/${run.id}/raw.source.download`,
      format: 'csv',
    });
    expect(ports.engine.partitions[0]?.checks.map((check) => check.name)).toEqual(['name present']);
    const checkRun = [...ports.checkRuns.rows.values()][0];
    expect(checkRun).toMatchObject({ pipelineRunId: run.id, versionId: null, status: 'fail' });
    expect(done.steps[2]).toMatchObject({ checkRunId: checkRun?.id, quarantinedRows: 1, rowCount: 2 });
    const loaded = loadedBy(ports, run.id);
    expect(done.outputs.map((output) => [output.step, output.role])).toEqual([
      ['checked', 'quarantine'],
      ['store', 'output'],
    ]);
    expect(done.outputs.map((output) => output.versionId).sort()).toEqual(loaded.map((version) => version.id).sort());
    expect(loaded).toHaveLength(2);
    expect(ports.events.published.map((event) => event.type)).toEqual([
      'data-pipeline.pipeline-run.started.v1',
      'data-pipeline.dataset-version.created.v1',
      'data-pipeline.dataset-version.created.v1',
      'data-pipeline.pipeline-run.succeeded.v1',
    ]);
    const node = { type: 'pipeline-run', id: run.id };
    expect(ports.graph.edges).toContainEqual(
      expect.objectContaining({ from: { type: 'dataset-version', id: source.id }, to: node, kind: 'consumed' }),
    );
    for (const version of loaded)
      expect(ports.graph.edges).toContainEqual(
        expect.objectContaining({ from: node, to: { type: 'dataset-version', id: version.id }, kind: 'produced' }),
      );
    expect(ports.graph.nodes.get(`pipeline-run:${run.id}`)?.facets).toMatchObject({
      started: { at: expect.any(String) },
      status: { state: 'succeeded' },
    });
    expect(ports.workspaces.removed).toEqual([run.id]);
    // Its start and end were queued for the OpenLineage endpoint with the graph changes.
    expect(ports.deliveries.rows.map((row) => [row.event.eventType, row.event.run.runId])).toEqual([
      ['START', run.id],
      ['COMPLETE', run.id],
    ]);
    // Its log tells the start, each step's start and end, and the end (docs/adr/0605).
    expect(ports.runLog.messagesOf(run.id)).toEqual([
      expect.stringMatching(/^started pipeline .* v1, attempt 1$/),
      'step raw started',
      expect.stringMatching(/^step raw succeeded/),
      'step shaped started',
      expect.stringMatching(/^step shaped succeeded/),
      'step checked started',
      'step checked succeeded, 2 rows, 1 quarantined',
      'step store started',
      expect.stringMatching(/^step store succeeded/),
      'succeeded with 2 output version(s)',
    ]);
    expect(new Set(ports.runLog.lines.map((line) => line.level))).toEqual(new Set(['info']));
  });

  it('extracts a snapshot of a table source, reading the snapshot in place while it lasts', async () => {
    const ports = fakePipelinePorts();
    await aPipelineWorld(ports);
    const { pipeline } = await ports.creating.execute({
      projectId: PROJECT,
      name: 'from-crm',
      definition: {
        steps: [
          {
            name: 'rows',
            kind: 'extract',
            source: { kind: 'table-source', source: 'crm', query: 'SELECT * FROM customers' },
          },
          { name: 'store', kind: 'load', input: 'rows', dataset: 'clean' },
        ],
      },
      actorId: ACTOR,
    });
    const { run } = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });
    scriptOneNullName(ports);

    await ports.executing.execute({ runId: run.id, attempt: 1, lastTry: false });

    expect(stored(ports, run.id).status).toBe('succeeded');
    expect(ports.tableSources.requests).toEqual([
      { source: 'crm', query: expect.objectContaining({ text: 'SELECT * FROM customers' }), maxBytes: 1 << 20 },
    ]);
    expect(ports.engine.transforms[0]?.input).toEqual({ path: '/table-sources/crm.parquet', format: 'parquet' });
    expect(loadedBy(ports, run.id)).toHaveLength(1);
  });

  it('fails the run at a failing error check without quarantine, naming it, and loads nothing', async () => {
    const ports = fakePipelinePorts();
    const { run } = await aQueuedRun(ports, { quarantine: false });

    await ports.executing.execute({ runId: run.id, attempt: 1, lastTry: false });

    const done = stored(ports, run.id).snapshot;
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/^step checked: .*error checks failed: name present/);
    expect(done.steps.map((step) => step.status)).toEqual(['succeeded', 'succeeded', 'failed', 'skipped']);
    expect(loadedBy(ports, run.id)).toEqual([]);
    expect(ports.deliveries.rows.map((row) => row.event.eventType)).toEqual(['START', 'FAIL']);
    expect(ports.events.published.at(-1)).toMatchObject({
      type: 'data-pipeline.pipeline-run.failed.v1',
      payload: { runId: run.id, error: done.error },
    });
    expect(ports.runLog.lines.at(-1)).toMatchObject({
      runId: run.id,
      projectId: PROJECT,
      step: 'checked',
      level: 'error',
      message: `failed: ${done.error}`,
    });
  });

  it('throws a platform error for the queue to try again, leaving the run running; on the last try it fails the run', async () => {
    const ports = fakePipelinePorts();
    const { run } = await aQueuedRun(ports);
    ports.engine.refusals.set(`/runs/${run.id}/shaped.parquet`, new Error('disk full'));

    await expect(ports.executing.execute({ runId: run.id, attempt: 1, lastTry: false })).rejects.toThrow('disk full');
    expect(stored(ports, run.id).status).toBe('running');
    await expect(ports.executing.execute({ runId: run.id, attempt: 1, lastTry: true })).rejects.toThrow('disk full');
    expect(stored(ports, run.id).snapshot).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/every try/),
    });
    expect(ports.events.published.map((event) => event.type)).toEqual([
      'data-pipeline.pipeline-run.started.v1',
      'data-pipeline.pipeline-run.failed.v1',
    ]);
  });

  it('resumes a run a crashed worker left running: what a step recorded is not recorded again', async () => {
    const ports = fakePipelinePorts();
    const { run } = await aQueuedRun(ports);
    await ports.executing.execute({ runId: run.id, attempt: 1, lastTry: false });
    const first = stored(ports, run.id).snapshot;
    const loadedFirst = loadedBy(ports, run.id).length;
    const checkRunsFirst = ports.checkRuns.rows.size;
    // The worker died after the load committed, before it recorded the step's end and the run's.
    const steps = first.steps.map((step) => (step.name === 'store' ? { ...step, status: 'running' as const } : step));
    ports.runs.rows.set(run.id, { ...first, status: 'running', steps, finishedAt: undefined });
    await ports.executing.execute({ runId: run.id, attempt: 1, lastTry: false });

    expect(loadedBy(ports, run.id)).toHaveLength(loadedFirst);
    expect(ports.checkRuns.rows.size).toBe(checkRunsFirst);
    expect(stored(ports, run.id).snapshot.outputs).toEqual(first.outputs);
    expect(
      ports.events.published.filter((event) => event.type === 'data-pipeline.pipeline-run.started.v1'),
    ).toHaveLength(1);
  });

  it('extracts a URL through the workspace’s outbound fetch, reading it in the format the step names', async () => {
    const ports = fakePipelinePorts();
    await aPipelineWorld(ports);
    const { pipeline } = await ports.creating.execute({
      projectId: PROJECT,
      name: 'web',
      definition: {
        steps: [
          {
            name: 'web',
            kind: 'extract',
            source: { kind: 'url', url: 'https://data.example.org/t.jsonl', format: 'jsonl' },
          },
          { name: 'store', kind: 'load', input: 'web', dataset: 'clean', format: 'csv' },
        ],
      },
      actorId: ACTOR,
    });
    const { run } = await ports.starting.execute({ pipelineId: pipeline.id, actorId: ACTOR });

    await ports.executing.execute({ runId: run.id, attempt: 1, lastTry: false });

    expect(ports.workspaces.fetches).toEqual([
      { runId: run.id, url: 'https://data.example.org/t.jsonl', name: 'web.source' },
    ]);
    expect(ports.engine.transforms.map((transform) => [transform.input.format, transform.output.format])).toEqual([
      ['jsonl', 'parquet'],
      ['parquet', 'csv'],
    ]);
    expect(stored(ports, run.id).snapshot).toMatchObject({
      status: 'succeeded',
      outputs: [expect.objectContaining({ role: 'output' })],
    });
  });
});
