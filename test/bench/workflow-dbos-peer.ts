import { performance } from 'node:perf_hooks';
import { DBOS } from '@dbos-inc/dbos-sdk';

const QUEUE = 'bench-fan';
/** DBOS polls its queues and waits every second by default; the bench tunes both down, as a user would. */
const POLLING_MS = 10;

/** Step timings kept outside DBOS: they measure it and are no part of its durable state. */
let stepLatencies: number[] = [];
let previousStepEnd: number | undefined;

function noopStep(): Promise<void> {
  return Promise.resolve();
}

/** A chain step: notes how long after the previous step's end (before its checkpoint) it started. */
function timedStep(): Promise<void> {
  const now = performance.now();
  if (previousStepEnd !== undefined) stepLatencies.push(now - previousStepEnd);
  previousStepEnd = performance.now();
  return Promise.resolve();
}

async function oneTask(): Promise<void> {
  await DBOS.runStep(noopStep, { name: 'noop' });
}

const taskWorkflow = DBOS.registerWorkflow(oneTask, { name: 'benchTask' });

/** The fan-out/fan-in: a root step, the middle tasks as child workflows on the queue, a join step. */
async function fanOutFanIn(count: number): Promise<void> {
  await DBOS.runStep(noopStep, { name: 'root' });
  const handles = [];
  for (let index = 0; index < count - 2; index += 1)
    handles.push(await DBOS.startWorkflow(taskWorkflow, { queueName: QUEUE })());
  await DBOS.waitAll(handles, { pollingIntervalMs: POLLING_MS });
  await DBOS.runStep(noopStep, { name: 'join' });
}

async function chainOfSteps(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) await DBOS.runStep(timedStep, { name: `c${index}` });
}

const fanWorkflow = DBOS.registerWorkflow(fanOutFanIn, { name: 'benchFan' });
const chainWorkflow = DBOS.registerWorkflow(chainOfSteps, { name: 'benchChain' });

/**
 * DBOS Transact, the durable workflow peer, on a PostgreSQL database of its own. It guarantees what
 * ours does: a workflow's start, each step's output and each child's enqueue and outcome are
 * committed (synchronous_commit as the server has it) before the workflow goes on, and a crash
 * resumes from the last committed step. The fan-out runs the middle tasks as one-step child
 * workflows on a queue with as many workers as ours has; the chain runs as sequential steps of one
 * workflow, in process, which is DBOS's fastest path (ours dispatches each task through a queue).
 */
export class DbosPeer {
  static async launch(systemDatabaseUrl: string, concurrency: number): Promise<DbosPeer> {
    DBOS.setConfig({
      name: 'mlops-bench',
      systemDatabaseUrl,
      // Room for the queue dispatcher and the fan-in's polling beside the workers.
      systemDatabasePoolSize: concurrency * 2,
      logLevel: 'warn',
    });
    await DBOS.launch();
    await DBOS.registerQueue(QUEUE, { workerConcurrency: concurrency, minPollingIntervalMs: POLLING_MS });
    return new DbosPeer();
  }

  async throughput(count: number): Promise<number> {
    const started = performance.now();
    const handle = await DBOS.startWorkflow(fanWorkflow)(count);
    await handle.getResult();
    return count / ((performance.now() - started) / 1000);
  }

  /** Milliseconds from one step's end to the next step's start, over a chain of `count` steps. */
  async chainLatencies(count: number): Promise<number[]> {
    stepLatencies = [];
    previousStepEnd = undefined;
    const handle = await DBOS.startWorkflow(chainWorkflow)(count);
    await handle.getResult();
    return stepLatencies;
  }

  async close(): Promise<void> {
    await DBOS.shutdown();
  }
}
