import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';

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
      <div className="table-scroll" role="region" aria-label="Check results" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Kind</th>
              <th scope="col">Severity</th>
              <th scope="col">Status</th>
              <th scope="col">Observed</th>
              <th scope="col">Threshold</th>
              <th scope="col">Failing rows</th>
            </tr>
          </thead>
          <tbody>
            {run.data.results.map((result) => (
              <tr key={result.id} className={`check-${result.status}`} data-check={result.check}>
                <td>{result.check}</td>
                <td>{result.kind}</td>
                <td>{result.severity}</td>
                <td>
                  <span className={`verdict verdict-${result.status}`}>{result.status}</span>
                </td>
                <td>{result.observedValue ?? '—'}</td>
                <td>{result.threshold}</td>
                <td>{result.failingRows === undefined ? '—' : keysText(result.failingRows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
