import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { ColumnProfileChart } from '../profile/column-profile-chart';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';
import { DataTable } from '../shell/data-table';

const shown = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value));

/** A dataset version: its profile per column, drawn and as a table, and the check runs against it. */
export function DatasetVersionPage() {
  const versionId = useParams().versionId!;
  const version = useApi(
    () => api.GET('/api/v1/dataset-versions/{versionId}', { params: { path: { versionId } } }),
    `dataset-version:${versionId}`,
  );
  const checkRuns = useApi(
    () => api.GET('/api/v1/dataset-versions/{versionId}/check-runs', { params: { path: { versionId } } }),
    `check-runs:${versionId}`,
  );
  usePageTitle(version.data === undefined ? 'Dataset version' : `Dataset version ${version.data.number}`);
  if (version.data === undefined) return <PageStatus error={version.error} />;
  return (
    <>
      <h1>Dataset version {version.data.number}</h1>
      <p>
        {version.data.rowCount} rows · {version.data.format} ·{' '}
        <Link to={`/datasets/${version.data.datasetId}`}>the dataset</Link>
      </p>
      <section aria-labelledby="check-runs">
        <h2 id="check-runs">Check runs</h2>
        {checkRuns.data === undefined ? (
          <PageStatus error={checkRuns.error} />
        ) : checkRuns.data.items.length === 0 ? (
          <p>No check has run against this version.</p>
        ) : (
          <ul>
            {checkRuns.data.items.map((run) => (
              <li key={run.id}>
                <Link to={`/check-runs/${run.id}`}>{new Date(run.createdAt).toLocaleString()}</Link>: {run.status}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="profile">
        <h2 id="profile">Profile</h2>
        <div className="profile-grid">
          {version.data.profile.map((column) => (
            <ColumnProfileChart key={column.name} column={column} rowCount={version.data!.rowCount} />
          ))}
        </div>
        <DataTable
          label="Column profile"
          rows={version.data.profile}
          rowKey={(column) => column.name}
          columns={[
            { header: 'Column', cell: (column) => column.name },
            { header: 'Type', cell: (column) => column.type },
            { header: 'Nulls', cell: (column) => column.nulls },
            { header: 'Distinct (about)', cell: (column) => column.distinctEstimate },
            { header: 'Min', cell: (column) => shown(column.min) },
            { header: 'Max', cell: (column) => shown(column.max) },
            { header: 'Mean', cell: (column) => shown(column.mean) },
          ]}
        />
      </section>
    </>
  );
}
