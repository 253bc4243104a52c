import { performance } from 'node:perf_hooks';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CompleteTaskHandler } from '../../src/contexts/workflow-engine/application/complete-task/complete-task.handler.js';
import type { TaskAttempt } from '../../src/contexts/workflow-engine/application/ports/task-queue.js';
import { StartTaskHandler } from '../../src/contexts/workflow-engine/application/start-task/start-task.handler.js';

/**
 * Times a chain's dispatch in the bench's own process, to the microsecond, as the durable floor's is
 * timed: from a task's worker beginning to report its success (the outcome's commit, the dependent's
 * enqueue and pick-up follow) to the dependent's worker beginning its start. The run's transition
 * log dates both in whole milliseconds (JavaScript dates), too coarse beside the floor's
 * sub-millisecond steps. It wraps the two handlers' `execute` on the app's instances; `detach` puts
 * them back.
 */
export class ChainProbe {
  private readonly reported = new Map<string, number>();
  private readonly started = new Map<string, number>();
  private readonly restore: (() => void)[] = [];

  constructor(app: NestFastifyApplication) {
    this.wrap(app.get(CompleteTaskHandler), this.reported);
    this.wrap(app.get(StartTaskHandler), this.started);
  }

  /** Milliseconds from each task `c<i>` reporting success to `c<i+1>` starting, over `count` tasks of `runId`. */
  latencies(runId: string, count: number): number[] {
    const at = (times: Map<string, number>, index: number) => {
      const time = times.get(`${runId}:c${index}`);
      if (time === undefined) throw new Error(`the chain probe saw no call for task c${index}`);
      return time;
    };
    return Array.from({ length: count - 1 }, (_, index) => at(this.started, index + 1) - at(this.reported, index));
  }

  detach(): void {
    for (const restore of this.restore.splice(0)) restore();
  }

  /** Records the first call per attempt's task: a start recorded later on its own calls the handler again. */
  private wrap(handler: { execute(command: { attempt: TaskAttempt }): Promise<unknown> }, times: Map<string, number>) {
    const execute = handler.execute.bind(handler);
    handler.execute = (command) => {
      const key = `${command.attempt.runId}:${command.attempt.key}`;
      if (!times.has(key)) times.set(key, performance.now());
      return execute(command);
    };
    // The wrapper is the instance's own property, over the class's method: deleting it uncovers that again.
    this.restore.push(() => Reflect.deleteProperty(handler, 'execute'));
  }
}
