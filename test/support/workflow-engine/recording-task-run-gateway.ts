import { ConflictError } from '@libs/ddd';
import { TaskRunGateway, type TaskAssignment, type TaskRunJob } from '@contexts/workflow-engine';
import { settled } from '../model-registry/settled.js';

/** What a contributed task processor reported, in order. */
export type GatewayReport =
  | { readonly report: 'complete'; readonly outputs: Readonly<Record<string, unknown>> }
  | { readonly report: 'fail'; readonly error: string }
  | { readonly report: 'log'; readonly lines: readonly string[] };

/**
 * The engine's side as a contributed task processor sees it: `start` hands out `assignment` (or nothing),
 * reports are recorded, and with `stale` set every report is refused as a superseded attempt's.
 */
export class RecordingTaskRunGateway extends TaskRunGateway {
  readonly reports: GatewayReport[] = [];
  starts = 0;
  stale = false;

  constructor(public assignment?: TaskAssignment) {
    super();
  }

  start(_job: TaskRunJob): Promise<TaskAssignment | undefined> {
    return settled(() => {
      this.starts += 1;
      return this.assignment;
    });
  }

  complete(_job: TaskRunJob, outputs: Readonly<Record<string, unknown>>): Promise<void> {
    return this.record({ report: 'complete', outputs });
  }

  fail(_job: TaskRunJob, error: string): Promise<void> {
    return this.record({ report: 'fail', error });
  }

  log(_job: TaskRunJob, lines: readonly string[]): Promise<void> {
    return this.record({ report: 'log', lines });
  }

  private record(report: GatewayReport): Promise<void> {
    return settled(() => {
      if (this.stale) throw new ConflictError('attempt 1 was superseded', 'stale-attempt');
      this.reports.push(report);
    });
  }
}

/** The parts of a BullMQ job the processor uses: its data, and parking it as delayed. */
export class ParkableJob<TData> {
  readonly id = 'run-1:task:1';
  readonly name = 'data-task';
  delayedUntil?: number;

  constructor(public data: TData) {}

  updateData(data: TData): Promise<void> {
    return settled(() => {
      this.data = data;
    });
  }

  moveToDelayed(timestamp: number): Promise<void> {
    return settled(() => {
      this.delayedUntil = timestamp;
    });
  }
}
