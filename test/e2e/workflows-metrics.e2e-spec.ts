import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@libs/testing';
import {
  createWorkflow,
  startWorkflowWorld,
  waitForRun,
  WORKFLOW_CONTEXTS,
  type WorkflowWorld,
} from './workflows-support.js';

/** The value of one sample of the Prometheus text, 0 when the series is not there yet. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('workflow metrics at /metrics', () => {
  let world: WorkflowWorld;
  beforeAll(async () => {
    // With the registry, whose task queue's depth is shown too.
    world = await startWorkflowWorld({}, `${WORKFLOW_CONTEXTS},model-registry`);
  });
  afterAll(() => world.app.close());

  const scrape = async (): Promise<string> => (await fetch(`${world.app.url}/metrics`)).text();

  it('counts runs and task attempts by outcome and type, with durations, and shows queue depths', async () => {
    const before = await scrape();
    const workflowId = await createWorkflow(world.owner.client, world.projectId, {
      name: 'measured',
      tasks: [
        { id: 'a', type: 'noop' },
        { id: 'b', type: 'sleep', params: { ms: 20 } },
        { id: 'c', type: 'http', params: { method: 'GET', url: 'http://localhost:1/' }, dependsOn: ['a'] },
      ],
    });
    const started = await world.owner.client.call('POST', `/api/v1/workflows/${workflowId}/runs`, {});
    expect((await waitForRun(world.owner.client, started.body.id as string)).state).toBe('failed');

    const after = await scrape();
    const grew = (series: string) => sample(after, series) - sample(before, series);
    expect(grew('workflow_runs_started_total')).toBe(1);
    expect(grew('workflow_runs_finished_total{state="failed"}')).toBe(1);
    expect(grew('workflow_run_duration_seconds_count{state="failed"}')).toBe(1);
    expect(grew('workflow_task_runs_finished_total{type="noop",state="succeeded"}')).toBe(1);
    expect(grew('workflow_task_runs_finished_total{type="sleep",state="succeeded"}')).toBe(1);
    expect(grew('workflow_task_runs_finished_total{type="http",state="failed"}')).toBe(1);
    expect(grew('workflow_task_run_duration_seconds_count{type="sleep",state="succeeded"}')).toBe(1);
    expect(grew('workflow_task_run_duration_seconds_sum{type="sleep",state="succeeded"}')).toBeGreaterThanOrEqual(0.02);
    expect(after).toMatch(/^bullmq_queue_jobs\{queue="workflow-engine.tasks",state="waiting"\} \d+$/m);
    expect(after).toMatch(/^bullmq_queue_jobs\{queue="model-registry.tasks",state="active"\} \d+$/m);

    // A job ends in BullMQ just after its report committed: its timings may come a moment after the run's end.
    const jobs = 'queue="workflow-engine.tasks"';
    const timed = await waitFor(
      async () => {
        const text = await scrape();
        const ran = sample(text, `bullmq_job_duration_seconds_count{${jobs},outcome="completed"}`);
        return ran - sample(before, `bullmq_job_duration_seconds_count{${jobs},outcome="completed"}`) >= 3
          ? text
          : undefined;
      },
      { intervalMs: 50, what: 'the three jobs timed' },
    );
    const grewSince = (series: string) => sample(timed, series) - sample(before, series);
    expect(grewSince(`bullmq_job_duration_seconds_sum{${jobs},outcome="completed"}`)).toBeGreaterThanOrEqual(0.02);
    expect(grewSince(`bullmq_job_wait_seconds_count{${jobs}}`)).toBe(3);
  });
});
