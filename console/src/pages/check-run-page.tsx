import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';
import { DataTable } from '../shell/data-table';

const keysText = ({ total, keyColumns, keys }: Schemas['FailingRowsResponse']) =>
  total === 0
    ? '—'
    : `${total} rows; first ${keyColumns.join(', ')}: ${keys.map((key) => key.map((value) => JSON.stringify(value)).join('/')).join(', ')}`;

/** A check run's results: each check's verdict, observed value, threshold and the keys of failing rows. */
export function CheckRunPage() {
  const checkRunId = useParams().checkRunId!;
  const run = useApi(
    () => api.GET('/api/v1/check-runs/{checkRunId}', { params: { path: { checkRunId } } }),
    `check-run:${checkRunId}`,
  );
  usePageTitle('Check results');
  if (run.data === undefined) return <PageStatus error={run.error} />;
  return (
    <>
      <h1>Check results</h1>
      <p>
        Verdict: <strong>{run.data.status}</strong> · {new Date(run.data.createdAt).toLocaleString()} ·{' '}
        <Link to={`/check-runs/${checkRunId}/docs`}>Data Docs</Link>
        {run.data.versionId !== null && (
          <>
            {' '}
            · <Link to={`/dataset-versions/${run.data.versionId}`}>the dataset version</Link>
          </>
        )}
      </p>
      <DataTable
        label="Check results"
        rows={run.data.results}
        rowKey={(result) => result.id}
        rowAttributes={(result) => ({ className: `check-${result.status}`, 'data-check': result.check })}
        columns={[
          { header: 'Check', cell: (result) => result.check },
          { header: 'Kind', cell: (result) => result.kind },
          { header: 'Severity', cell: (result) => result.severity },
          {
            header: 'Status',
            cell: (result) => <span className={`verdict verdict-${result.status}`}>{result.status}</span>,
          },
          { header: 'Observed', cell: (result) => result.observedValue ?? '—' },
          { header: 'Threshold', cell: (result) => result.threshold },
          {
            header: 'Failing rows',
            cell: (result) => (result.failingRows === undefined ? '—' : keysText(result.failingRows)),
          },
        ]}
      />
    </>
  );
}
