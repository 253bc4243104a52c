import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, problemText, type Schemas } from '../api/client';
import { fieldOf } from '../forms/field-of';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';

const EXAMPLE = `name: train-and-ship
tasks:
  - id: prepare
    type: noop
  - id: train
    type: noop
    dependsOn: [prepare]
  - id: review
    type: approval
    dependsOn: [train]
    params:
      message: Ship this model?
  - id: ship
    type: noop
    dependsOn: [review]
`;

export function WorkflowsPage() {
  usePageTitle('Workflows');
  const projectId = useParams().projectId!;
  const navigate = useNavigate();
  const workflows = useApi(
    () => api.GET('/api/v1/projects/{projectId}/workflows', { params: { path: { projectId }, query: { limit: 100 } } }),
    `workflows:${projectId}`,
  );
  const [createError, setCreateError] = useState<string>();

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const yaml = fieldOf(event.currentTarget, 'definition');
    const { data, error } = await api.POST('/api/v1/projects/{projectId}/workflows', {
      params: { path: { projectId } },
      // The API parses YAML itself (its problems name lines): the text goes out unchanged, under
      // its own media type. The client's body type is the parsed definition's, hence the cast.
      body: yaml as unknown as Schemas['WorkflowDefinition'],
      bodySerializer: () => yaml,
      headers: { 'content-type': 'application/yaml' },
    });
    if (data !== undefined) void navigate(`/workflows/${data.id}`);
    else setCreateError(problemText(error));
  }

  return (
    <>
      <h1>Workflows</h1>
      <p>
        <Link to={`/projects/${projectId}`}>Back to the project</Link>
      </p>
      <section aria-labelledby="workflow-list">
        <h2 id="workflow-list">Workflows of this project</h2>
        {workflows.data === undefined ? (
          <PageStatus error={workflows.error} />
        ) : workflows.data.items.length === 0 ? (
          <p>No workflow yet: create one from YAML below.</p>
        ) : (
          <ul>
            {workflows.data.items.map((workflow) => (
              <li key={workflow.id}>
                <Link to={`/workflows/${workflow.id}`}>{workflow.name}</Link> (version {workflow.latestVersion})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-workflow">
        <h2 id="new-workflow">New workflow from YAML</h2>
        <form onSubmit={(event) => void create(event)} className="stack">
          <label>
            Definition (YAML)
            <textarea name="definition" rows={16} defaultValue={EXAMPLE} spellCheck={false} className="mono" />
          </label>
          <button type="submit">Create workflow</button>
        </form>
        {createError !== undefined && (
          <p role="alert" className="error">
            {createError}
          </p>
        )}
      </section>
    </>
  );
}
