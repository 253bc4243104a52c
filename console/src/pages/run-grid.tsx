import { useMemo } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { stateOfTask } from '../graph/state-of-task';
import { useApi } from '../hooks/use-api';
import { RecentRuns } from '../runs/recent-runs';
import { DataTable, type Column } from '../shell/data-table';
import { PageStatus } from './page-status';

type Run = Schemas['RunResponse'];
type TaskState = Schemas['TaskRunResponse']['state'];

// As Airflow's grid: enough runs to see a pattern, and a bounded number of calls (one per run) to read them.
const GRID_RUNS = 15;
// Cells change as tasks move; a poll costs the list call and one get per run that has not finished.
const GRID_POLL_MS = 2000;

/** A mark per state, so that a cell says its state without its colour (and in its accessible name, in words). */
const MARKS: Record<TaskState, string> = {
  pending: '·',
  queued: '…',
  waiting_for_approval: '?',
  running: '▶',
  retrying: '↻',
  succeeded: '✓',
  failed: '✗',
  skipped: '–',
  upstream_failed: '⊘',
  cancelled: '■',
};

const words = (state: string) => state.replaceAll('_', ' ');
const startOf = (run: Run) => new Date(run.createdAt).toLocaleString();

/**
 * The latest runs of a workflow by task, as Airflow 3's grid: a row per task of the definition, a column
 * per run (oldest left, newest right), each cell the task run's state, linking to the run with that task selected.
 */
export function RunGrid({ workflowId, taskIds }: { workflowId: string; taskIds: readonly string[] }) {
  const recent = useMemo(
    () =>
      new RecentRuns({
        list: () =>
          api.GET('/api/v1/workflows/{id}/runs', { params: { path: { id: workflowId }, query: { limit: GRID_RUNS } } }),
        get: (runId) => api.GET('/api/v1/workflow-runs/{runId}', { params: { path: { runId } } }),
      }),
    [workflowId],
  );
  const runs = useApi(() => recent.read(), `grid:${workflowId}`, GRID_POLL_MS);

  if (runs.data === undefined) return <PageStatus error={runs.error} />;
  if (runs.data.length === 0) return <p>No run yet.</p>;
  const columns: Column<string>[] = [
    { header: 'Task', cell: (taskId) => taskId, rowHeader: true, cellAttributes: { className: 'mono' } },
    ...runs.data.map((run): Column<string> => ({
      key: run.id,
      header: <RunHeader run={run} />,
      cell: (taskId) => <GridCell run={run} taskId={taskId} />,
    })),
  ];
  return (
    <>
      <p>The last {runs.data.length} runs, oldest left, newest right. Each cell opens the run at its task.</p>
      <DataTable
        label="Recent runs by task"
        className="run-grid"
        columns={columns}
        rows={taskIds}
        rowKey={(taskId) => taskId}
      />
      <ul className="grid-legend" aria-label="What the marks mean">
        {(Object.keys(MARKS) as TaskState[]).map((state) => (
          <li key={state}>
            <span className={`grid-mark state-${state}`} aria-hidden="true">
              {MARKS[state]}
            </span>{' '}
            {words(state)}
          </li>
        ))}
      </ul>
    </>
  );
}

function RunHeader({ run }: { run: Run }) {
  return (
    <Link
      to={`/runs/${run.id}`}
      className="grid-run"
      data-run={run.id}
      data-state={run.state}
      aria-label={`Run of ${startOf(run)}: ${run.state}`}
    >
      {new Date(run.createdAt).toLocaleTimeString()}
    </Link>
  );
}

function GridCell({ run, taskId }: { run: Run; taskId: string }) {
  const state = stateOfTask(run.taskRuns, taskId);
  return (
    <Link
      to={`/runs/${run.id}?task=${encodeURIComponent(taskId)}`}
      className={`grid-mark state-${state ?? 'none'}`}
      data-run={run.id}
      data-task={taskId}
      data-state={state}
      aria-label={`${taskId} in the run of ${startOf(run)}: ${state === undefined ? 'not started' : words(state)}`}
    >
      <span aria-hidden="true">{state === undefined ? '' : MARKS[state]}</span>
    </Link>
  );
}
