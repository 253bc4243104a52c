import { describe, expect, it } from '@jest/globals';
import { ForbiddenError } from '@libs/ddd';
import type { TaskDocument } from '../definition/definition-document.js';
import { DefinitionSpec } from '../definition/definition-spec.js';
import { ApprovalNotPending } from '../errors.js';
import { decideApproval, expireApproval } from './approval-decision.js';
import { WorkflowRun } from './workflow-run.js';

const now = new Date('2026-01-01T00:00:00Z');

function gatedRun(gate: Partial<TaskDocument> = {}): WorkflowRun {
  const tasks: TaskDocument[] = [
    { id: 'gate', type: 'approval', ...gate },
    { id: 'deploy', type: 'noop', dependsOn: ['gate'] },
  ];
  const { spec } = DefinitionSpec.build({ name: 'gated', tasks });
  const run = WorkflowRun.create({ workflowId: 'w', version: 1, projectId: 'p', spec }, {}, null, now);
  run.start(now);
  return run;
}

describe('approval decisions', () => {
  it('succeeds the gate with the decision and dispatches what follows it', () => {
    const run = gatedRun();
    const dispatches = decideApproval(run, 'gate', { approve: true, by: 'u1', comment: 'ok' }, now, 0);
    expect(dispatches.map((dispatch) => dispatch.key)).toEqual(['deploy']);
    expect(run.taskRun('gate').outputs).toEqual({ decision: 'approved', by: 'u1', comment: 'ok' });
  });

  it('fails the gate on rejection, naming who rejected and why', () => {
    const run = gatedRun();
    decideApproval(run, 'gate', { approve: false, by: 'u2', comment: 'no' }, now, 0);
    expect(run.taskRun('gate')).toMatchObject({ state: 'failed', error: 'rejected by u2: no' });
    expect(run.state).toBe('failed');
  });

  it('refuses someone outside the named approvers, and a decision on a task that is not waiting', () => {
    const run = gatedRun({ params: { approvers: ['u1'] } });
    expect(() => decideApproval(run, 'gate', { approve: true, by: 'u2' }, now, 0)).toThrow(ForbiddenError);
    decideApproval(run, 'gate', { approve: true, by: 'u1' }, now, 0);
    expect(() => decideApproval(run, 'gate', { approve: false, by: 'u1' }, now, 0)).toThrow(ApprovalNotPending);
    expect(() => decideApproval(run, 'deploy', { approve: true, by: 'u1' }, now, 0)).toThrow(ApprovalNotPending);
  });

  it('waits as waiting_for_approval, not queued, from its dependencies to a decision, again after a retry', () => {
    const run = gatedRun({ retries: { max: 1, backoff: 'fixed', delayMs: 60_000 } });
    expect(run.taskRun('gate')).toMatchObject({ state: 'waiting_for_approval', attempt: 1 });
    expect(run.state).toBe('running');
    expect(expireApproval(run, 'gate', 1, now, 0)).toHaveLength(1);
    expect(run.taskRun('gate')).toMatchObject({ state: 'waiting_for_approval', attempt: 2, retriesSoFar: 1 });
    decideApproval(run, 'gate', { approve: false, by: 'u1' }, now, 0);
    expect(run.taskRun('gate').state).toBe('failed');
    run.retryTask('gate', now);
    expect(run.taskRun('gate')).toMatchObject({ state: 'waiting_for_approval', attempt: 3 });
    decideApproval(run, 'gate', { approve: true, by: 'u1' }, now, 0);
    expect(run.taskRun('gate').state).toBe('succeeded');
  });

  it('expires only the attempt still waiting', () => {
    const run = gatedRun();
    expect(expireApproval(run, 'gate', 2, now, 0)).toBeUndefined();
    expect(expireApproval(run, 'gate', 1, now, 0)).toEqual([]);
    expect(run.taskRun('gate')).toMatchObject({ state: 'failed', error: 'no decision before the deadline' });
    expect(expireApproval(run, 'gate', 1, now, 0)).toBeUndefined();
  });
});
