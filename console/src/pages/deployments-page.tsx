import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';
import { DataTable } from '../shell/data-table';

export function DeploymentsPage() {
  usePageTitle('Deployments');
  const projectId = useParams().projectId!;
  const deployments = useApi(
    () => api.GET('/api/v1/projects/{projectId}/deployments', { params: { path: { projectId } } }),
    `deployments:${projectId}`,
  );
  return (
    <>
      <h1>Deployments</h1>
      <p>
        <Link to={`/projects/${projectId}`}>Back to the project</Link>
      </p>
      {deployments.data === undefined ? (
        <PageStatus error={deployments.error} />
      ) : deployments.data.items.length === 0 ? (
        <p>No deployment in this project yet.</p>
      ) : (
        <DataTable
          label="Deployments"
          rows={deployments.data.items}
          rowKey={(deployment) => deployment.id}
          columns={[
            {
              header: 'Name',
              cell: (deployment) => <Link to={`/deployments/${deployment.id}`}>{deployment.name}</Link>,
            },
            { header: 'Routing', cell: (deployment) => deployment.routing.mode },
            { header: 'Variants', cell: (deployment) => deployment.variants.map((variant) => variant.name).join(', ') },
          ]}
        />
      )}
    </>
  );
}
