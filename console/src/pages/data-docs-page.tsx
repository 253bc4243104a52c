import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { columnOf, expectationText, type SuiteCheck } from '../data-docs/expectation-text';
import { ReportDownload } from '../data-docs/report-download';
import { useApi } from '../hooks/use-api';
import { DataTable } from '../shell/data-table';
import { usePageTitle } from '../shell/use-page-title';
import { PageStatus } from './page-status';
import { percent } from './traffic-split-chart';

type CheckResult = Schemas['CheckResultResponse'];

const TABLE_GROUP = 'Table';
const VERDICT_MARK: Record<string, string> = { pass: '✓', warn: '!', fail: '✗' };

interface Group {
  readonly column: string;
  readonly anchor: string;
  readonly results: readonly { result: CheckResult; check: SuiteCheck | undefined }[];
}

/** The results by the column their check is about (table-wide checks first), as Data Docs lays them out. */
function groupsOf(results: readonly CheckResult[], checks: readonly SuiteCheck[]): Group[] {
  const byColumn = new Map<string, Group['results'][number][]>();
  for (const result of results) {
    const check = checks.find((candidate) => candidate.name === result.check);
    const column = columnOf(check) ?? TABLE_GROUP;
    byColumn.set(column, [...(byColumn.get(column) ?? []), { result, check }]);
  }
  return [...byColumn.entries()]
    .sort(([left], [right]) => (left === TABLE_GROUP ? -1 : right === TABLE_GROUP ? 1 : left.localeCompare(right)))
    .map(([column, grouped], index) => ({ column, anchor: `expectations-${index}`, results: grouped }));
}

function Unexpected({ rows }: { rows: Schemas['FailingRowsResponse'] | undefined }) {
  if (rows === undefined) return <>—</>;
  if (rows.total === 0) return <>none</>;
  return (
    <>
      {rows.total} unexpected {rows.total === 1 ? 'row' : 'rows'}
      {rows.keys.length > 0 && (
        <>
          ; {rows.keys.length < rows.total ? `first ${rows.keys.length} ` : ''}by {rows.keyColumns.join(', ')}:
          <ul className="keys">
            {rows.keys.map((key) => {
              const shown = key.map((value) => JSON.stringify(value)).join(' / ');
              return (
                <li key={shown} className="mono">
                  {shown}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * A check run in the manner of Great Expectations' Data Docs: an overview of how many
 * expectations held, then each expectation grouped by column, in words, with its success, the
 * value observed and the keys of the unexpected rows. The HTML report is offered as a file.
 */
export function DataDocsPage() {
  const checkRunId = useParams().checkRunId!;
  const run = useApi(
    () => api.GET('/api/v1/check-runs/{checkRunId}', { params: { path: { checkRunId } } }),
    `check-run:${checkRunId}`,
  );
  usePageTitle('Data Docs');
  if (run.data === undefined) return <PageStatus error={run.error} />;
  const { results } = run.data;
  const checks = (Array.isArray(run.data.suite.checks) ? run.data.suite.checks : []) as SuiteCheck[];
  const successful = results.filter((result) => result.status === 'pass').length;
  const groups = groupsOf(results, checks);
  return (
    <>
      <h1>Data Docs: validation of {new Date(run.data.createdAt).toLocaleString()}</h1>
      <p>
        <Link to={`/check-runs/${checkRunId}`}>The check results</Link>
        {run.data.versionId !== null && (
          <>
            {' '}
            · <Link to={`/dataset-versions/${run.data.versionId}`}>the dataset version and its profile</Link>
          </>
        )}
      </p>
      <p>
        <ReportDownload checkRunId={checkRunId} />
      </p>
      <section aria-labelledby="overview">
        <h2 id="overview">Overview</h2>
        <dl className="facts overview" data-verdict={run.data.status}>
          <dt>Verdict</dt>
          <dd>
            <span className={`verdict verdict-${run.data.status}`}>
              {VERDICT_MARK[run.data.status]} {run.data.status}
            </span>
          </dd>
          <dt>Evaluated expectations</dt>
          <dd>{results.length}</dd>
          <dt>Successful expectations</dt>
          <dd data-successful>{successful}</dd>
          <dt>Unsuccessful expectations</dt>
          <dd>{results.length - successful}</dd>
          <dt>Success percent</dt>
          <dd>{percent(results.length === 0 ? 1 : successful / results.length)}</dd>
        </dl>
        <nav aria-label="Expectations by column">
          <ul>
            {groups.map((group) => (
              <li key={group.anchor}>
                <a href={`#${group.anchor}`}>{group.column}</a> ({group.results.length})
              </li>
            ))}
          </ul>
        </nav>
      </section>
      {groups.map((group) => (
        <section key={group.anchor} aria-labelledby={group.anchor}>
          <h2 id={group.anchor}>{group.column}</h2>
          <DataTable
            label={`Expectations of ${group.column}`}
            rows={group.results}
            rowKey={({ result }) => result.id}
            rowAttributes={({ result }) => ({ 'data-expectation': result.check })}
            columns={[
              {
                header: 'Status',
                cell: ({ result }) => (
                  <span className={`verdict verdict-${result.status}`}>
                    {VERDICT_MARK[result.status]} {result.status}
                  </span>
                ),
              },
              {
                header: 'Expectation',
                cell: ({ result, check }) => (
                  <>
                    <strong>{result.check}</strong>: {expectationText(result.kind, check)}
                    <br />
                    <span className="muted">
                      {result.kind} · severity {result.severity} · threshold {result.threshold}
                    </span>
                  </>
                ),
              },
              { header: 'Observed value', cell: ({ result }) => result.observedValue ?? '—' },
              { header: 'Unexpected', cell: ({ result }) => <Unexpected rows={result.failingRows} /> },
            ]}
          />
        </section>
      ))}
    </>
  );
}
