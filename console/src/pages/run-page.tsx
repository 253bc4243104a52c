import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { layOutDag } from '../graph/dag-layout';
import { DagPicture } from '../graph/dag-picture';
import { stateOfTask } from '../graph/state-of-task';
import { tasksOfDefinition } from '../graph/tasks-of-definition';
import { useNarrowScreen } from '../graph/use-narrow-screen';
import { useApi } from '../hooks/use-api';
import { isFinished } from '../runs/run-controls';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';
import { RunActions } from './run-actions';
import { useRunCommands } from './run-commands';
import { TaskLogs } from './task-logs';
import { TaskRunsTable } from './task-runs-table';

// How often a live run is read again: fast enough to watch tasks move, slow enough for many open tabs.
const RUN_POLL_MS = 1000;

export function RunPage() {
  const runId = useParams().runId!;
  const [finished, setFinished] = useState(false);
  const run = useApi(
    () => api.GET('/api/v1/workflow-runs/{runId}', { params: { path: { runId } } }),
    `run:${runId}`,
    finished ? undefined : RUN_POLL_MS,
  );
  if (run.data !== undefined && isFinished(run.data.state) !== finished) setFinished(!finished);
  const workflowId = run.data?.workflowId;
  const version = run.data?.workflowVersion;
  const workflow = useApi(
    () =>
      workflowId === undefined || version === undefined
        ? Promise.resolve({ data: undefined, error: undefined })
        : api.GET('/api/v1/workflows/{id}/versions/{version}', { params: { path: { id: workflowId, version } } }),
    `workflow:${workflowId}:${version}`,
  );
  usePageTitle(`Run of ${workflow.data?.name ?? 'a workflow'}`);
  const direction = useNarrowScreen() ? 'top-to-bottom' : 'left-to-right';
  const layout = useMemo(
    () => (workflow.data === undefined ? undefined : layOutDag(tasksOfDefinition(workflow.data.definition), direction)),
    [workflow.data, direction],
  );
  // The selected task is in the address, so the grid (and anyone) can link to a run at one task.
  const [search, setSearch] = useSearchParams();
  const selectedTask = search.get('task') ?? undefined;
  const commands = useRunCommands(runId, run.reload);

  if (run.data === undefined) return <PageStatus error={run.error} />;
  const taskRuns = run.data.taskRuns;
  return (
    <>
      <h1>Run of {workflow.data?.name ?? 'a workflow'}</h1>
      <p>
        <span aria-live="polite">
          State: <strong data-run-state={run.data.state}>{run.data.state}</strong>
        </span>{' '}
        · started {new Date(run.data.createdAt).toLocaleString()}
        {run.data.rerunOf !== undefined && (
          <>
            {' '}
            · <Link to={`/runs/${run.data.rerunOf}`}>the run it reruns</Link>
          </>
        )}
        {workflowId !== undefined && (
          <>
            {' '}
            · <Link to={`/workflows/${workflowId}`}>the workflow</Link>
          </>
        )}
      </p>
      <RunActions state={run.data.state} commands={commands} />
      {commands.refusal !== undefined && (
        <p role="alert" className="error">
          {commands.refusal}
        </p>
      )}
      <section aria-labelledby="run-graph">
        <h2 id="run-graph">Run graph</h2>
        {layout === undefined ? (
          <PageStatus error={workflow.error} />
        ) : (
          <DagPicture
            layout={layout}
            label={`Run graph: ${layout.nodes.map((node) => `${node.id} ${stateOfTask(taskRuns, node.id) ?? 'not started'}`).join(', ')}`}
            stateOf={(taskId) => stateOfTask(taskRuns, taskId)}
          />
        )}
      </section>
      <section aria-labelledby="task-runs">
        <h2 id="task-runs">Tasks</h2>
        <TaskRunsTable
          run={run.data}
          selectedTask={selectedTask}
          onSelect={(taskKey) => setSearch({ task: taskKey }, { replace: true })}
          commands={commands}
          onDecided={run.reload}
        />
      </section>
      {selectedTask !== undefined && <TaskLogs runId={runId} taskKey={selectedTask} live={!finished} />}
    </>
  );
}
