import type { JsonValue } from '../../../src/contexts/workflow-engine/domain/json-value.js';
import {
  ApprovalRequests,
  type ApprovalOutcome,
} from '../../../src/contexts/workflow-engine/application/ports/approval-requests.js';
import type { Page } from '../../../src/contexts/workflow-engine/application/ports/run-queries.js';
import { TaskCache } from '../../../src/contexts/workflow-engine/application/ports/task-cache.js';
import {
  TaskLogs,
  type TaskLogFilter,
  type TaskLogLine,
} from '../../../src/contexts/workflow-engine/application/ports/task-logs.js';
import { TaskOffers } from '../../../src/contexts/workflow-engine/application/ports/task-offers.js';
import type { TaskAttempt } from '../../../src/contexts/workflow-engine/application/ports/task-queue.js';
import { settled } from '../model-registry/settled.js';

/** Task outputs by project and key, with the time to live each was stored for. */
export class InMemoryTaskCache extends TaskCache {
  readonly entries = new Map<string, { outputs: JsonValue; ttlSeconds: number }>();

  lookup(projectId: string, key: string): Promise<JsonValue | undefined> {
    return settled(() => this.entries.get(`${projectId}/${key}`)?.outputs);
  }

  store(projectId: string, key: string, outputs: JsonValue, ttlSeconds: number): Promise<void> {
    return settled(() => {
      this.entries.set(`${projectId}/${key}`, { outputs, ttlSeconds });
    });
  }
}

/** Log lines in the order they were appended; `seq` is their position, as the table's sequence. */
export class InMemoryTaskLogs extends TaskLogs {
  readonly lines: (TaskLogLine & { runId: string; key: string })[] = [];

  constructor(private readonly now: () => Date = () => new Date(0)) {
    super();
  }

  append({ runId, key, attempt }: TaskAttempt, lines: readonly string[]): Promise<void> {
    return settled(() => {
      for (const line of lines) {
        const seq = String(this.lines.length + 1);
        this.lines.push({ seq, runId, key, attempt, at: this.now(), line });
      }
    });
  }

  page({ runId, key, attempt, limit, cursor }: TaskLogFilter): Promise<Page<TaskLogLine>> {
    return settled(() => {
      const after = Number(cursor ?? 0);
      const matching = this.lines.filter(
        (line) =>
          line.runId === runId &&
          line.key === key &&
          (attempt === undefined || line.attempt === attempt) &&
          Number(line.seq) > after,
      );
      const items = matching.slice(0, limit).map(({ seq, attempt: of, at, line }) => ({ seq, attempt: of, at, line }));
      return { items, nextCursor: matching.length > limit ? items[items.length - 1].seq : null };
    });
  }
}

/** Approval requests waiting for a person; `overdue` are those a spec declares past their deadline. */
export class InMemoryApprovalRequests extends ApprovalRequests {
  overdue: TaskAttempt[] = [];
  readonly closed: (TaskAttempt & { readonly outcome: ApprovalOutcome })[] = [];

  pastDeadline(limit: number): Promise<TaskAttempt[]> {
    return settled(() => this.overdue.slice(0, limit));
  }

  close(attempt: TaskAttempt, outcome: ApprovalOutcome): Promise<void> {
    return settled(() => {
      this.closed.push({ ...attempt, outcome });
      this.overdue = this.overdue.filter(
        (due) => !(due.runId === attempt.runId && due.key === attempt.key && due.attempt === attempt.attempt),
      );
    });
  }
}

/**
 * Offers of external tasks: `announced` counts announcements; `next` answers at once, true while the
 * process runs and false once `shutDown` is called, so a waiting claim never sleeps in a spec.
 */
export class InstantTaskOffers extends TaskOffers {
  announced = 0;
  waits = 0;
  running = true;

  announce(): void {
    this.announced += 1;
  }

  next(): Promise<boolean> {
    this.waits += 1;
    return Promise.resolve(this.running);
  }

  shutDown(): void {
    this.running = false;
  }
}
