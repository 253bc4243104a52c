import { describe, expect, it } from '@jest/globals';
import { ConflictError } from '@libs/ddd';
import fc from 'fast-check';
import type { PipelineVersion } from './pipeline.js';
import { PipelineRun, type PipelineRunStatus } from './pipeline-run.js';

const VERSION: PipelineVersion = {
  pipelineId: 'p1',
  number: 2,
  definition: {
    steps: [
      { name: 'raw', kind: 'extract', source: { kind: 'dataset-version', versionId: 'v1' } },
      { name: 'store', kind: 'load', input: 'raw', dataset: 'clean', format: 'parquet' },
    ],
  },
  createdBy: 'u1',
  createdAt: new Date('2026-12-01T00:00:00Z'),
};
const AT = new Date('2026-12-02T00:00:00Z');
const queued = () => PipelineRun.queue({ version: VERSION, projectId: 'project', actorId: 'u1', at: AT });

describe('PipelineRun', () => {
  it('is queued with every step pending, then runs, records progress and outputs once, and succeeds', () => {
    const run = queued();
    expect(run.snapshot).toMatchObject({ status: 'queued', attempt: 1, pipelineVersion: 2 });
    expect(run.snapshot.steps.map((step) => step.status)).toEqual(['pending', 'pending']);
    expect(run.start(AT)).toBe(true);
    expect(run.start(AT)).toBe(false);
    run.updateStep('raw', { status: 'succeeded', rowCount: 3 });
    const output = { step: 'store', role: 'output' as const, datasetId: 'd', versionId: 'v2' };
    run.addOutput(output);
    run.addOutput(output);
    run.succeed(AT);
    expect(run.snapshot).toMatchObject({ status: 'succeeded', outputs: [output], finishedAt: AT });
  });

  it('fails the running step, skips the later ones, and is retried as its next attempt from the first step', () => {
    const run = queued();
    run.start(AT);
    run.updateStep('raw', { status: 'running' });
    run.fail('step raw: no such column', AT);
    expect(run.snapshot.steps.map((step) => step.status)).toEqual(['failed', 'skipped']);
    run.retry(VERSION.definition.steps);
    expect(run.snapshot).toMatchObject({ status: 'queued', attempt: 2, outputs: [] });
    expect(run.snapshot.error).toBeUndefined();
    expect(run.snapshot.steps.map((step) => step.status)).toEqual(['pending', 'pending']);
  });

  it('allows each action only from the states that permit it, whatever the order of actions', () => {
    const allowed: Record<string, readonly PipelineRunStatus[]> = {
      start: ['queued', 'running'],
      succeed: ['running'],
      fail: ['queued', 'running'],
      cancel: ['queued', 'running'],
      retry: ['failed', 'cancelled'],
    };
    const next: Record<string, (status: PipelineRunStatus) => PipelineRunStatus> = {
      start: () => 'running',
      succeed: () => 'succeeded',
      fail: () => 'failed',
      cancel: () => 'cancelled',
      retry: () => 'queued',
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...Object.keys(allowed)), { maxLength: 12 }), (actions) => {
        const run = queued();
        let model: PipelineRunStatus = 'queued';
        for (const action of actions) {
          const act = () => {
            if (action === 'start') run.start(AT);
            if (action === 'succeed') run.succeed(AT);
            if (action === 'fail') run.fail('x', AT);
            if (action === 'cancel') run.cancel(AT);
            if (action === 'retry') run.retry(VERSION.definition.steps);
          };
          if (allowed[action].includes(model)) {
            act();
            model = next[action](model);
          } else expect(act).toThrow(ConflictError);
          expect(run.status).toBe(model);
          expect(run.ended).toBe(['succeeded', 'failed', 'cancelled'].includes(model));
        }
      }),
    );
  });
});
