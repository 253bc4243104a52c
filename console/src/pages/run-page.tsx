import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, problemText } from '../api/client';
import { layOutDag } from '../graph/dag-layout';
import { DagPicture } from '../graph/dag-picture';
import { stateOfTask } from '../graph/state-of-task';
import { tasksOfDefinition } from '../graph/tasks-of-definition';
import { useNarrowScreen } from '../graph/use-narrow-screen';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { ApprovalButtons } from './approval-buttons';
import { PageStatus } from './page-status';
import { TaskLogs } from './task-logs';

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);
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
  if (run.data !== undefined && FINISHED.has(run.data.state) !== finished) setFinished(!finished);
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
  const [selectedTask, setSelectedTask] = useState<string>();
  const [actionError, setActionError] = useState<string>();

  async function cancel() {
    const { error } = await api.POST('/api/v1/workflow-runs/{runId}/cancel', { params: { path: { runId } }, body: {} });
    setActionError(error === undefined ? undefined : problemText(error));
    run.reload();
  }

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
        {workflowId !== undefined && (
          <>
            {' '}
            · <Link to={`/workflows/${workflowId}`}>the workflow</Link>
          </>
        )}
      </p>
      {!FINISHED.has(run.data.state) && (
        <button type="button" className="danger" onClick={() => void cancel()}>
          Cancel run
        </button>
      )}
      {actionError !== undefined && (
        <p role="alert" className="error">
          {actionError}
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
        <div className="table-scroll" role="region" aria-label="Task runs" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">State</th>
                <th scope="col">Attempt</th>
                <th scope="col">Finished</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {taskRuns.map((task) => (
                <tr key={task.key}>
                  <td className="mono">{task.key}</td>
                  <td>{task.state.replaceAll('_', ' ')}</td>
                  <td>{task.attempt}</td>
                  <td>{task.finishedAt === undefined ? '—' : new Date(task.finishedAt).toLocaleTimeString()}</td>
                  <td className="actions">
                    <button type="button" className="secondary" onClick={() => setSelectedTask(task.key)}>
                      Logs of {task.key}
                    </button>
                    {task.state === 'waiting_for_approval' && (
                      <ApprovalButtons runId={runId} taskKey={task.key} onDecided={run.reload} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {selectedTask !== undefined && <TaskLogs runId={runId} taskKey={selectedTask} live={!finished} />}
    </>
  );
}
