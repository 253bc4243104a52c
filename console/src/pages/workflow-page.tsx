import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { stringify } from 'yaml';
import { api, problemText } from '../api/client';
import { layOutDag } from '../graph/dag-layout';
import { DagPicture } from '../graph/dag-picture';
import { tasksOfDefinition } from '../graph/tasks-of-definition';
import { useNarrowScreen } from '../graph/use-narrow-screen';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';
import { RunGrid } from './run-grid';

export function WorkflowPage() {
  const workflowId = useParams().workflowId!;
  const navigate = useNavigate();
  const workflow = useApi(
    () => api.GET('/api/v1/workflows/{id}', { params: { path: { id: workflowId } } }),
    `workflow:${workflowId}`,
  );
  usePageTitle(workflow.data?.name ?? 'Workflow');
  const direction = useNarrowScreen() ? 'top-to-bottom' : 'left-to-right';
  const layout = useMemo(
    () => (workflow.data === undefined ? undefined : layOutDag(tasksOfDefinition(workflow.data.definition), direction)),
    [workflow.data, direction],
  );
  const [startError, setStartError] = useState<string>();

  async function startRun() {
    const { data, error } = await api.POST('/api/v1/workflows/{id}/runs', {
      params: { path: { id: workflowId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
      body: { params: {} },
    });
    if (data !== undefined) void navigate(`/runs/${data.id}`);
    else setStartError(problemText(error));
  }

  if (workflow.data === undefined || layout === undefined) return <PageStatus error={workflow.error} />;
  return (
    <>
      <h1>{workflow.data.name}</h1>
      <p>
        Version {workflow.data.version}
        {workflow.data.paused ? ' · paused' : ''} ·{' '}
        <Link to={`/projects/${workflow.data.projectId}/workflows`}>all workflows of the project</Link>
      </p>
      <button type="button" onClick={() => void startRun()}>
        Start a run
      </button>
      {startError !== undefined && (
        <p role="alert" className="error">
          {startError}
        </p>
      )}
      <section aria-labelledby="dag">
        <h2 id="dag">Graph</h2>
        <DagPicture layout={layout} label={`Graph of the ${layout.nodes.length} tasks of ${workflow.data.name}`} />
      </section>
      <section aria-labelledby="definition">
        <h2 id="definition">Definition</h2>
        <pre className="code" tabIndex={0} aria-label="Definition as YAML">
          {stringify(workflow.data.definition)}
        </pre>
      </section>
      <section aria-labelledby="recent-runs">
        <h2 id="recent-runs">Recent runs</h2>
        <RunGrid workflowId={workflowId} taskIds={workflow.data.definition.tasks.map((task) => task.id)} />
      </section>
    </>
  );
}
