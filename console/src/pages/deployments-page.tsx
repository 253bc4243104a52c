import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';

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
        <div className="table-scroll" role="region" aria-label="Deployments" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Routing</th>
                <th scope="col">Variants</th>
              </tr>
            </thead>
            <tbody>
              {deployments.data.items.map((deployment) => (
                <tr key={deployment.id}>
                  <td>
                    <Link to={`/deployments/${deployment.id}`}>{deployment.name}</Link>
                  </td>
                  <td>{deployment.routing.mode}</td>
                  <td>{deployment.variants.map((variant) => variant.name).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
