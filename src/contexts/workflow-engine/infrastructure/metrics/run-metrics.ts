import { Injectable } from '@nestjs/common';
import { histogramWithExemplars, traceExemplar } from '@libs/platform';
import { getToken, InjectMetric, makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';
import type { RunEvent } from '../../domain/run/run-events.js';
import type { WorkflowRun } from '../../domain/run/workflow-run.js';

const RUNS_STARTED = 'workflow_runs_started_total';
const RUNS_FINISHED = 'workflow_runs_finished_total';
const RUN_DURATION = 'workflow_run_duration_seconds';
const TASKS_FINISHED = 'workflow_task_runs_finished_total';
const TASK_DURATION = 'workflow_task_run_duration_seconds';

/** Labels stay bounded: run states, and task types (the registry's names), never ids. */
export const RUN_METRIC_PROVIDERS = [
  makeCounterProvider({ name: RUNS_STARTED, help: 'Workflow runs started' }),
  makeCounterProvider({ name: RUNS_FINISHED, help: 'Workflow runs ended, by final state', labelNames: ['state'] }),
  makeHistogramProvider({
    name: RUN_DURATION,
    help: 'Time from a run’s creation to its end, by final state',
    labelNames: ['state'],
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 14_400, 86_400],
  }),
  makeCounterProvider({
    name: TASKS_FINISHED,
    help: 'Task attempts that succeeded or failed, by task type',
    labelNames: ['type', 'state'],
  }),
  {
    provide: getToken(TASK_DURATION),
    // Observed in the unit of work that reported the attempt: its exemplar names that attempt's trace.
    useFactory: () =>
      histogramWithExemplars({
        name: TASK_DURATION,
        help: 'Time a task attempt ran, from its start to its report, by task type and outcome',
        labelNames: ['type', 'state'],
        buckets: [0.005, 0.025, 0.1, 0.5, 1, 5, 15, 60, 300, 1800, 7200],
      }),
  },
];

/** Counts what committed changes of runs did, from the events they recorded. */
@Injectable()
export class RunMetrics {
  constructor(
    @InjectMetric(RUNS_STARTED) private readonly runsStarted: Counter<string>,
    @InjectMetric(RUNS_FINISHED) private readonly runsFinished: Counter<string>,
    @InjectMetric(RUN_DURATION) private readonly runDuration: Histogram<string>,
    @InjectMetric(TASKS_FINISHED) private readonly tasksFinished: Counter<string>,
    @InjectMetric(TASK_DURATION) private readonly taskDuration: Histogram<string>,
  ) {}

  /** Called once the change that recorded `events` has committed. */
  committed(run: WorkflowRun, events: readonly RunEvent[], now: Date): void {
    for (const event of events) {
      if (event.name === 'run-started') this.runsStarted.inc();
      else if (event.name === 'run-succeeded' || event.name === 'run-failed' || event.name === 'run-cancelled') {
        const state = run.state;
        this.runsFinished.inc({ state });
        this.runDuration.observe({ state }, seconds(run.createdAt, now));
      } else if (event.name === 'task-succeeded' || event.name === 'task-failed') {
        const taskRun = run.taskRun(event.key);
        const labels = {
          type: run.pinned.spec.task(taskRun.taskId).type,
          state: event.name === 'task-succeeded' ? 'succeeded' : 'failed',
        };
        this.tasksFinished.inc(labels);
        const started = taskRun
          .toSnapshot()
          .transitions.findLast((transition) => transition.attempt === event.attempt && transition.to === 'running');
        if (started === undefined) continue;
        const value = seconds(started.at, event.occurredAt);
        this.taskDuration.observe({ labels, value, exemplarLabels: traceExemplar() });
      }
    }
  }
}

const seconds = (from: Date, to: Date): number => Math.max(0, (to.getTime() - from.getTime()) / 1000);
