import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';

export function ModelsPage() {
  usePageTitle('Models');
  const projectId = useParams().projectId!;
  const models = useApi(
    () => api.GET('/api/v1/projects/{projectId}/models', { params: { path: { projectId }, query: { limit: 100 } } }),
    `models:${projectId}`,
  );
  return (
    <>
      <h1>Models</h1>
      <p>
        <Link to={`/projects/${projectId}`}>Back to the project</Link>
      </p>
      {models.data === undefined ? (
        <PageStatus error={models.error} />
      ) : models.data.items.length === 0 ? (
        <p>No model registered in this project yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Description</th>
              <th scope="col">Protected aliases</th>
            </tr>
          </thead>
          <tbody>
            {models.data.items.map((model) => (
              <tr key={model.id}>
                <td>
                  <Link to={`/models/${model.id}`}>{model.name}</Link>
                </td>
                <td>{model.description}</td>
                <td>{model.protectedAliases.join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
