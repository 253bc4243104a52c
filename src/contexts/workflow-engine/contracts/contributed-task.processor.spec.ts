import { describe, expect, it } from '@jest/globals';
import type { ModuleRef } from '@nestjs/core';
import { DelayedError, type Job } from 'bullmq';
import { Histogram } from 'prom-client';
import { DomainError, newId, ValidationError } from '@libs/ddd';
import { JobMetrics } from '@libs/platform';
import {
  ParkableJob,
  RecordingTaskRunGateway,
} from '../../../../test/support/workflow-engine/recording-task-run-gateway.js';
import {
  ContributedTaskProcessor,
  actorOf,
  type ContributedTaskJob,
  type ContributedTaskOutcome,
} from './contributed-task.processor.js';
import type { TaskAssignment } from './task-runs.js';

interface CountWait {
  readonly left: number;
}

class StoreDown extends DomainError {
  readonly type = 'store-down';
  readonly kind = 'unavailable';
}

/** Counts down: `params.from` waits, one a look, then succeeds with the actor; `params.refuse` refuses with a rule. */
class CountdownTaskProcessor extends ContributedTaskProcessor<CountWait> {
  looks = 0;

  constructor(modules: ModuleRef) {
    const histogram = () => new Histogram({ name: `h_${newId().replaceAll('-', '_')}`, help: 'h', registers: [] });
    super(modules, new JobMetrics(histogram(), histogram()), 'countdown');
  }

  // Not async: a rule that throws before any promise must still fail the attempt.
  protected begin(assignment: TaskAssignment): Promise<ContributedTaskOutcome<CountWait>> {
    const params = assignment.params as { from?: number; refuse?: boolean; down?: boolean };
    if (params.down) throw new StoreDown('the store is down');
    if (params.refuse) throw new ValidationError('bad params', [{ field: 'from', message: 'must be a number' }]);
    if (params.from) return Promise.resolve(this.after({ left: params.from }));
    return Promise.resolve({ kind: 'succeeded', outputs: { actor: actorOf(assignment) } });
  }

  protected override look(wait: CountWait): Promise<ContributedTaskOutcome<CountWait>> {
    this.looks += 1;
    return Promise.resolve(wait.left === 0 ? { kind: 'succeeded', outputs: { looks: this.looks } } : this.after(wait));
  }

  private after({ left }: CountWait): ContributedTaskOutcome<CountWait> {
    return { kind: 'waiting', until: 1_000 * left, wait: { left: left - 1 }, log: [`${left} to go`] };
  }
}

function arrange(params: unknown, assignment: Partial<TaskAssignment> = {}) {
  const gateway = new RecordingTaskRunGateway({
    runId: 'run-1',
    key: 'task',
    attempt: 1,
    type: 'test.countdown',
    taskId: 'task',
    workflowId: 'workflow-1',
    projectId: 'project-1',
    actorId: 'ada',
    params,
    ...assignment,
  });
  const processor = new CountdownTaskProcessor({ get: () => gateway } as unknown as ModuleRef);
  const job = new ParkableJob<ContributedTaskJob<CountWait>>({ runId: 'run-1', key: 'task', attempt: 1 });
  const process = () => processor.process(job as unknown as Job<ContributedTaskJob<CountWait>>, 'token');
  return { gateway, processor, job, process };
}

describe('ContributedTaskProcessor', () => {
  it('starts the attempt, begins it, and completes it with its outputs', async () => {
    const { gateway, process } = arrange({});

    await process();

    expect(gateway.starts).toBe(1);
    expect(gateway.reports).toEqual([{ report: 'complete', outputs: { actor: 'ada' } }]);
  });

  it('parks a wait on its delayed job with its log, and looks again without starting the attempt twice', async () => {
    const { gateway, processor, job, process } = arrange({ from: 2 });

    await expect(process()).rejects.toBeInstanceOf(DelayedError);
    expect(job.data.wait).toEqual({ left: 1 });
    expect(job.delayedUntil).toBe(2_000);
    await expect(process()).rejects.toBeInstanceOf(DelayedError);
    expect(job.data.wait).toEqual({ left: 0 });
    await process();

    expect(gateway.starts).toBe(1);
    expect(processor.looks).toBe(2);
    expect(gateway.reports).toEqual([
      { report: 'log', lines: ['2 to go'] },
      { report: 'log', lines: ['1 to go'] },
      { report: 'complete', outputs: { looks: 2 } },
    ]);
  });

  it('fails the attempt with the rule’s message and field errors, and a run that acts for nobody', async () => {
    const refused = arrange({ refuse: true });
    const nobody = arrange({}, { actorId: undefined });

    await refused.process();
    await nobody.process();

    expect(refused.gateway.reports).toEqual([{ report: 'fail', error: 'bad params; from: must be a number' }]);
    expect(nobody.gateway.reports).toEqual([{ report: 'fail', error: 'run run-1 acts for nobody' }]);
  });

  it('fails the job, reporting nothing, when a store is unavailable, so BullMQ retries it', async () => {
    const { gateway, process } = arrange({ down: true });

    await expect(process()).rejects.toBeInstanceOf(StoreDown);

    expect(gateway.reports).toEqual([]);
  });

  it('drops the job when the engine has nothing to run or refuses a superseded attempt’s report', async () => {
    const idle = arrange({});
    idle.gateway.assignment = undefined;
    const superseded = arrange({ from: 1 });
    superseded.gateway.stale = true;

    await expect(idle.process()).resolves.toBeUndefined();
    await expect(superseded.process()).resolves.toBeUndefined();

    expect(idle.gateway.reports).toEqual([]);
    expect(superseded.job.delayedUntil).toBeUndefined();
  });

  it('says which tasks it cannot report when this process hosts no workflow engine', async () => {
    const processor = new CountdownTaskProcessor({
      get: () => {
        throw new Error('no TaskRunGateway');
      },
    } as unknown as ModuleRef);
    const job = new ParkableJob<ContributedTaskJob<CountWait>>({ runId: 'run-1', key: 'task', attempt: 1 });

    await expect(processor.process(job as unknown as Job<ContributedTaskJob<CountWait>>)).rejects.toThrow(
      'this process hosts no workflow engine to take countdown task reports',
    );
  });
});
