import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';
import { DataTable } from '../shell/data-table';

/** A dataset and its versions, newest first. */
export function DatasetPage() {
  const datasetId = useParams().datasetId!;
  const dataset = useApi(
    () => api.GET('/api/v1/datasets/{datasetId}', { params: { path: { datasetId } } }),
    `dataset:${datasetId}`,
  );
  const versions = useApi(
    () => api.GET('/api/v1/datasets/{datasetId}/versions', { params: { path: { datasetId } } }),
    `dataset-versions:${datasetId}`,
  );
  usePageTitle(dataset.data?.name ?? 'Dataset');
  if (dataset.data === undefined) return <PageStatus error={dataset.error} />;
  return (
    <>
      <h1>{dataset.data.name}</h1>
      <p>
        {dataset.data.description} ·{' '}
        <Link to={`/projects/${dataset.data.projectId}/datasets`}>all datasets of the project</Link>
      </p>
      <h2>Versions</h2>
      {versions.data === undefined ? (
        <PageStatus error={versions.error} />
      ) : versions.data.items.length === 0 ? (
        <p>No version yet.</p>
      ) : (
        <DataTable
          label="Versions"
          rows={versions.data.items}
          rowKey={(version) => version.id}
          columns={[
            {
              header: 'Version',
              cell: (version) => <Link to={`/dataset-versions/${version.id}`}>version {version.number}</Link>,
            },
            { header: 'Format', cell: (version) => version.format },
            { header: 'Rows', cell: (version) => version.rowCount },
            { header: 'Added', cell: (version) => new Date(version.createdAt).toLocaleString() },
          ]}
        />
      )}
    </>
  );
}
