import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { PageStatus } from './page-status';

const LOG_POLL_MS = 2000;

/** The first page of a task's log lines, read again while the run goes on. */
export function TaskLogs({ runId, taskKey, live }: { runId: string; taskKey: string; live: boolean }) {
  const logs = useApi(
    () =>
      api.GET('/api/v1/workflow-runs/{runId}/tasks/{taskId}/logs', {
        params: { path: { runId, taskId: taskKey }, query: { limit: 500 } },
      }),
    `logs:${runId}:${taskKey}`,
    live ? LOG_POLL_MS : undefined,
  );
  return (
    <section aria-labelledby="task-logs">
      <h2 id="task-logs">Logs of {taskKey}</h2>
      {logs.data === undefined ? (
        <PageStatus error={logs.error} />
      ) : logs.data.items.length === 0 ? (
        <p>This task has written no log line.</p>
      ) : (
        <pre className="code" tabIndex={0} aria-label={`Log lines of ${taskKey}`}>
          {logs.data.items.map((line) => `${line.at}  [attempt ${line.attempt}]  ${line.line}`).join('\n')}
        </pre>
      )}
    </section>
  );
}
