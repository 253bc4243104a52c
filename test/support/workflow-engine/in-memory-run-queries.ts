import { isFinished } from '../../../src/contexts/workflow-engine/domain/run/run-state.js';
import { parentTaskOf } from '../../../src/contexts/workflow-engine/domain/run/parent-task.js';
import { ChildRuns } from '../../../src/contexts/workflow-engine/application/ports/child-runs.js';
import {
  RunQueries,
  type InFlightTaskRun,
  type Page,
  type RunFilter,
  type RunSummary,
  type WorkflowSummary,
} from '../../../src/contexts/workflow-engine/application/ports/run-queries.js';
import type { TaskAttempt } from '../../../src/contexts/workflow-engine/application/ports/task-queue.js';
import { settled } from '../model-registry/settled.js';
import type { InMemoryWorkflowDefinitionRepository } from './in-memory-workflow-definition.repository.js';
import type { InMemoryRuns } from './in-memory-runs.js';

/** A page of `items` after the one whose id is `cursor`. */
function pageOf<T extends { id: string }>(items: readonly T[], limit: number, cursor?: string): Page<T> {
  const start = cursor === undefined ? 0 : items.findIndex((item) => item.id === cursor) + 1;
  const page = items.slice(start, start + limit);
  return { items: page, nextCursor: start + limit < items.length ? page[page.length - 1].id : null };
}

/** The read side answered from the in-memory repositories, as the SQL adapter answers it from the tables. */
export class InMemoryRunQueries extends RunQueries {
  constructor(
    private readonly definitions: InMemoryWorkflowDefinitionRepository,
    private readonly runs: InMemoryRuns,
  ) {
    super();
  }

  listWorkflows(projectId: string, limit: number, cursor?: string): Promise<Page<WorkflowSummary>> {
    return settled(() => {
      const summaries = this.definitions
        .all()
        .filter((definition) => definition.projectId === projectId)
        .map(({ id, name, latest, createdAt }) => ({
          id,
          name,
          latestVersion: latest.number,
          createdAt,
          updatedAt: latest.createdAt,
        }));
      return pageOf(summaries, limit, cursor);
    });
  }

  listRuns(workflowId: string, filter: RunFilter): Promise<Page<RunSummary>> {
    return settled(() => {
      const summaries = this.runs
        .all()
        .filter((run) => run.pinned.workflowId === workflowId)
        .filter((run) => filter.state === undefined || run.state === filter.state)
        .filter((run) => filter.createdFrom === undefined || run.createdAt >= filter.createdFrom)
        .filter((run) => filter.createdUntil === undefined || run.createdAt < filter.createdUntil)
        .reverse()
        .map((run) => ({
          id: run.id,
          workflowId,
          workflowVersion: run.pinned.version,
          state: run.state,
          createdAt: run.createdAt,
          updatedAt: run.transitions.at(-1)?.at ?? run.createdAt,
        }));
      return pageOf(summaries, filter.limit, filter.cursor);
    });
  }

  inFlightTaskRuns(limit: number, after?: Pick<TaskAttempt, 'runId' | 'key'>): Promise<InFlightTaskRun[]> {
    return settled(() => {
      const inFlight: InFlightTaskRun[] = [];
      for (const run of this.runs.all().filter((candidate) => !isFinished(candidate.state))) {
        for (const taskRun of run.allTaskRuns()) {
          const { state, key, attempt } = taskRun;
          if (state !== 'queued' && state !== 'waiting_for_approval' && state !== 'retrying' && state !== 'running')
            continue;
          const { retryAt } = taskRun.toSnapshot();
          inFlight.push({ runId: run.id, key, attempt, state, ...(retryAt !== undefined && { retryAt }) });
        }
      }
      const order = (a: Pick<TaskAttempt, 'runId' | 'key'>, b: Pick<TaskAttempt, 'runId' | 'key'>) =>
        a.runId.localeCompare(b.runId) || a.key.localeCompare(b.key);
      const sorted = inFlight.sort(order).filter((taskRun) => after === undefined || order(taskRun, after) > 0);
      return sorted.slice(0, limit);
    });
  }
}

/** The children a parent's `workflow` tasks started, read from the runs' triggers. */
export class InMemoryChildRuns extends ChildRuns {
  constructor(private readonly runs: InMemoryRuns) {
    super();
  }

  unfinishedOf(parentRunId: string): Promise<string[]> {
    return settled(() =>
      this.runs
        .all()
        .filter((run) => parentTaskOf(run.trigger)?.runId === parentRunId && !isFinished(run.state))
        .map((run) => run.id),
    );
  }
}
