import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';

export function DatasetsPage() {
  usePageTitle('Datasets');
  const projectId = useParams().projectId!;
  const datasets = useApi(
    () => api.GET('/api/v1/projects/{projectId}/datasets', { params: { path: { projectId } } }),
    `datasets:${projectId}`,
  );
  return (
    <>
      <h1>Datasets</h1>
      <p>
        <Link to={`/projects/${projectId}`}>Back to the project</Link>
      </p>
      {datasets.data === undefined ? (
        <PageStatus error={datasets.error} />
      ) : datasets.data.items.length === 0 ? (
        <p>No dataset declared in this project yet.</p>
      ) : (
        <ul>
          {datasets.data.items.map((dataset) => (
            <li key={dataset.id}>
              <Link to={`/datasets/${dataset.id}`}>{dataset.name}</Link> {dataset.description}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
