import { describe, expect, it } from '@jest/globals';
import type { Schemas } from '../api/client';
import { RecentRuns, type RunSource } from './recent-runs';

type Run = Schemas['RunResponse'];
type RunState = Run['state'];

/** A list route and a get route over runs the test moves, counting the gets. */
class FakeRuns implements RunSource {
  readonly gets: string[] = [];
  private runs: { id: string; state: RunState; updatedAt: string }[] = [];
  refuse = false;

  add(id: string, state: RunState): void {
    this.runs.unshift({ id, state, updatedAt: '2026-12-07T10:00:00.000Z' });
  }

  move(id: string, state: RunState, updatedAt: string): void {
    this.runs = this.runs.map((run) => (run.id === id ? { ...run, state, updatedAt } : run));
  }

  list() {
    return Promise.resolve({
      data: {
        items: this.runs.map((run) => ({
          ...run,
          workflowId: 'w',
          workflowVersion: 1,
          createdAt: '2026-12-07T10:00:00.000Z',
        })),
      },
    });
  }

  get(runId: string) {
    this.gets.push(runId);
    if (this.refuse) return Promise.resolve({ error: { detail: 'gone' } });
    const { id, state } = this.runs.find((run) => run.id === runId)!;
    const run: Run = {
      id,
      state,
      workflowId: 'w',
      workflowVersion: 1,
      projectId: 'p',
      params: {},
      trigger: null,
      createdAt: '2026-12-07T10:00:00.000Z',
      transitions: [],
      taskRuns: [],
    };
    return Promise.resolve({ data: run });
  }
}

describe('the recent runs of the grid', () => {
  it('come oldest first, each with its details', async () => {
    const source = new FakeRuns();
    source.add('first', 'succeeded');
    source.add('second', 'running');
    const { data } = await new RecentRuns(source).read();
    expect(data?.map((run) => [run.id, run.state])).toEqual([
      ['first', 'succeeded'],
      ['second', 'running'],
    ]);
  });

  it('read again only the runs that have not finished or have changed since', async () => {
    const source = new FakeRuns();
    source.add('done', 'succeeded');
    source.add('live', 'running');
    const recent = new RecentRuns(source);
    await recent.read();
    source.gets.length = 0;
    await recent.read();
    expect(source.gets).toEqual(['live']);
    source.gets.length = 0;
    source.move('done', 'running', '2026-12-07T10:05:00.000Z');
    const { data } = await recent.read();
    expect(source.gets.sort()).toEqual(['done', 'live']);
    expect(data?.find((run) => run.id === 'done')?.state).toBe('running');
  });

  it('answer the refusal of a run that could not be read', async () => {
    const source = new FakeRuns();
    source.add('lost', 'running');
    source.refuse = true;
    expect(await new RecentRuns(source).read()).toEqual({ error: { detail: 'gone' } });
  });
});
