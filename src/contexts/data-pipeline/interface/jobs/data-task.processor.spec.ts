import { describe, expect, it } from '@jest/globals';
import type { ModuleRef } from '@nestjs/core';
import { DelayedError, type Job } from 'bullmq';
import { Histogram } from 'prom-client';
import { newId } from '@libs/ddd';
import { JobMetrics } from '@libs/platform';
import type { TaskAssignment } from '@contexts/workflow-engine';
import { fakeCheckRunPorts } from '../../../../../test/support/data-pipeline/fake-check-run-ports.js';
import { fakePipelinePorts } from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import {
  aPipeline,
  aPipelineWorld,
  scriptOneNullName,
} from '../../../../../test/support/data-pipeline/pipeline-objects.js';
import { ACTOR, aDataset, OTHER_PROJECT, PROJECT } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import {
  ParkableJob,
  RecordingTaskRunGateway,
} from '../../../../../test/support/workflow-engine/recording-task-run-gateway.js';
import { CheckDatasetFreshnessHandler } from '../../application/check-dataset-freshness/check-dataset-freshness.handler.js';
import { FindBlockingChecksHandler } from '../../application/find-blocking-checks/find-blocking-checks.handler.js';
import { GetPipelineHandler } from '../../application/get-pipeline/get-pipeline.handler.js';
import { GetPipelineRunHandler } from '../../application/get-pipeline-run/get-pipeline-run.handler.js';
import { AwaitFreshnessTask } from './await-freshness-task.js';
import type { DataTaskJob } from './data-task-outcome.js';
import { DataTaskProcessor } from './data-task.processor.js';
import { RunPipelineTask } from './run-pipeline-task.js';
import { ValidateTask } from './validate-task.js';

const histogram = () => new Histogram({ name: `h_${newId().replaceAll('-', '_')}`, help: 'h', registers: [] });

async function arrange(assignmentOf: (datasetId: string, pipelineId: string) => Partial<TaskAssignment>) {
  const ports = fakeCheckRunPorts();
  const dataset = aDataset('events');
  await ports.datasets.add(dataset);
  const pipelines = fakePipelinePorts();
  const pipeline = await aPipeline(pipelines, await aPipelineWorld(pipelines));
  scriptOneNullName(pipelines);
  const assignment: TaskAssignment = {
    runId: 'run-1',
    key: 'task',
    attempt: 1,
    type: 'data.await-freshness',
    taskId: 'task',
    workflowId: 'workflow-1',
    projectId: PROJECT,
    actorId: ACTOR,
    params: { datasetId: dataset.id, maxAge: '1h', timeout: '1h', pollInterval: '1m' },
    ...assignmentOf(dataset.id, pipeline.id),
  };
  const gateway = new RecordingTaskRunGateway(assignment);
  const modules = { get: () => gateway } as unknown as ModuleRef;
  const processor = new DataTaskProcessor(
    modules,
    new ValidateTask(ports.runSuite),
    new AwaitFreshnessTask(
      new CheckDatasetFreshnessHandler(ports.datasets, ports.versions),
      new FindBlockingChecksHandler(ports.versions, ports.runs),
    ),
    new RunPipelineTask(
      new GetPipelineHandler(pipelines.pipelines),
      pipelines.starting,
      new GetPipelineRunHandler(pipelines.runs),
    ),
    new JobMetrics(histogram(), histogram()),
  );
  const job = new ParkableJob<DataTaskJob>({ runId: 'run-1', key: 'task', attempt: 1 });
  const process = () => processor.process(job as unknown as Job<DataTaskJob>, 'token');
  return { ports, pipelines, dataset, gateway, job, process };
}

describe('DataTaskProcessor', () => {
  it('parks a freshness wait as a delayed job holding the wait, then looks again without starting the attempt twice', async () => {
    const { ports, dataset, gateway, job, process } = await arrange(() => ({}));
    const before = Date.now();

    await expect(process()).rejects.toBeInstanceOf(DelayedError);

    expect(job.data.wait).toMatchObject({
      kind: 'freshness',
      projectId: PROJECT,
      datasetId: dataset.id,
      pollMs: 60_000,
    });
    expect(job.delayedUntil).toBeGreaterThanOrEqual(before + 60_000);
    expect(gateway.reports).toEqual([{ report: 'log', lines: [expect.stringMatching(/^waiting until /)] }]);
    const version = await ports.versions.add({
      id: newId(),
      datasetId: dataset.id,
      projectId: PROJECT,
      format: 'csv',
      objectKey: 'data-pipeline/x/v.csv',
      sizeBytes: 1,
      sha256: 'ab',
      rowCount: 1,
      inferredSchema: [],
      profile: [],
      producer: { kind: 'upload', actorId: ACTOR },
      createdAt: new Date(),
    });

    await process();

    expect(gateway.starts).toBe(1);
    expect(gateway.reports.at(-1)).toMatchObject({
      report: 'complete',
      outputs: { datasetId: dataset.id, datasetVersionId: version.id },
    });
  });

  it('parks a pipeline run as a delayed job, then completes with what the run loaded', async () => {
    const { pipelines, gateway, job, process } = await arrange((_, pipelineId) => ({
      type: 'data.run-pipeline',
      params: { pipelineId, pollInterval: '1s' },
    }));

    await expect(process()).rejects.toBeInstanceOf(DelayedError);
    const wait = job.data.wait;
    if (wait?.kind !== 'pipeline-run') throw new Error('expected a pipeline wait');
    await pipelines.executing.execute({ runId: wait.pipelineRunId, attempt: 1, lastTry: false });
    await process();

    expect(gateway.starts).toBe(1);
    expect(gateway.reports.at(-1)).toMatchObject({
      report: 'complete',
      outputs: { pipelineRunId: wait.pipelineRunId, loaded: { store: { versionId: expect.any(String) } } },
    });
  });

  it('fails the attempt with the rule’s message when this context refuses the task', async () => {
    const theirs = aDataset('theirs', OTHER_PROJECT);
    const { ports, gateway, process } = await arrange(() => ({
      params: { datasetId: theirs.id, maxAge: '1h', timeout: '1h' },
    }));
    await ports.datasets.add(theirs);

    await process();

    expect(gateway.reports).toEqual([{ report: 'fail', error: `Dataset ${theirs.id} was not found` }]);
  });

  it('fails a task of a run that acts for nobody, and a type it does not execute', async () => {
    const nobody = await arrange(() => ({ type: 'data.validate', actorId: undefined }));
    const unknown = await arrange(() => ({ type: 'data.transmogrify' }));

    await nobody.process();
    await unknown.process();

    expect(nobody.gateway.reports).toEqual([{ report: 'fail', error: 'run run-1 acts for nobody' }]);
    expect(unknown.gateway.reports).toEqual([
      { report: 'fail', error: 'data task type data.transmogrify was not found' },
    ]);
  });

  it('drops the job when the engine has nothing to run or refuses the report of a superseded attempt', async () => {
    const idle = await arrange(() => ({}));
    idle.gateway.assignment = undefined;
    const superseded = await arrange((datasetId) => ({
      params: { datasetId, maxAge: '1h', timeout: '0s' },
    }));
    superseded.gateway.stale = true;

    await expect(idle.process()).resolves.toBeUndefined();
    await expect(superseded.process()).resolves.toBeUndefined();

    expect(idle.gateway.reports).toEqual([]);
    expect(superseded.job.delayedUntil).toBeUndefined();
  });
});
