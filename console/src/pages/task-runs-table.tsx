import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { canRerunFrom, canRetry } from '../runs/run-controls';
import { DataTable } from '../shell/data-table';
import { ApprovalButtons } from './approval-buttons';
import type { RunCommands } from './run-commands';

type TaskRun = Schemas['TaskRunResponse'];

interface TaskRunsTableProps {
  readonly run: Schemas['RunResponse'];
  readonly selectedTask: string | undefined;
  readonly onSelect: (taskKey: string) => void;
  readonly commands: RunCommands;
  readonly onDecided: () => void;
}

/** A run's task runs, the same tasks the graph draws, with what can be done to each one now. */
export function TaskRunsTable({ run, selectedTask, onSelect, commands, onDecided }: TaskRunsTableProps) {
  const actionsOf = (task: TaskRun) => (
    <span className="actions">
      <button type="button" className="secondary" onClick={() => onSelect(task.key)}>
        Logs of {task.key}
      </button>
      {task.state === 'waiting_for_approval' && (
        <ApprovalButtons runId={run.id} taskKey={task.key} onDecided={onDecided} />
      )}
      {canRetry(run.state, task) && (
        <button type="button" onClick={() => void commands.retry(task.key)}>
          Retry {task.key}
        </button>
      )}
      {canRerunFrom(run.state, task) && (
        <button type="button" className="secondary" onClick={() => void commands.rerun(task.taskId)}>
          Rerun from {task.key}
        </button>
      )}
    </span>
  );
  return (
    <DataTable
      label="Task runs"
      rows={run.taskRuns}
      rowKey={(task) => task.key}
      rowAttributes={(task) => ({ 'aria-current': task.key === selectedTask ? 'true' : undefined })}
      columns={[
        { header: 'Task', cell: (task) => task.key, cellAttributes: { className: 'mono' } },
        { header: 'State', cell: (task) => task.state.replaceAll('_', ' ') },
        { header: 'Attempt', cell: (task) => task.attempt },
        {
          header: 'Finished',
          cell: (task) => (task.finishedAt === undefined ? '—' : new Date(task.finishedAt).toLocaleTimeString()),
        },
        {
          header: 'Result',
          cell: (task) =>
            task.error ??
            (task.reusedFrom === undefined ? (
              '—'
            ) : (
              <Link to={`/runs/${task.reusedFrom}`}>reused from an earlier run</Link>
            )),
        },
        { header: 'Actions', cell: actionsOf },
      ]}
    />
  );
}
