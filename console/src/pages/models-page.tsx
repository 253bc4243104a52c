import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';
import { DataTable } from '../shell/data-table';

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
        <DataTable
          label="Models"
          rows={models.data.items}
          rowKey={(model) => model.id}
          columns={[
            { header: 'Model', cell: (model) => <Link to={`/models/${model.id}`}>{model.name}</Link> },
            { header: 'Description', cell: (model) => model.description },
            { header: 'Protected aliases', cell: (model) => model.protectedAliases.join(', ') || '—' },
          ]}
        />
      )}
    </>
  );
}
