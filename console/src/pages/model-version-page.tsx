import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, problemText, type Schemas } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { ModelCardSection } from './model-card-section';
import { PageStatus } from './page-status';
import { DataTable } from '../shell/data-table';

type Decision = Schemas['ReviewModelVersionRequest']['decision'];

/**
 * One model version: status, metrics, params, signature, its reviews, and a link to its lineage, which
 * shows the dataset versions it was trained on.
 */
export function ModelVersionPage() {
  const id = useParams().versionId!;
  const version = useApi(() => api.GET('/api/v1/model-versions/{id}', { params: { path: { id } } }), `version:${id}`);
  usePageTitle(version.data === undefined ? 'Model version' : `Model version ${version.data.number}`);
  const [reviewError, setReviewError] = useState<string>();

  async function review(decision: Decision) {
    const { error } = await api.POST('/api/v1/model-versions/{id}/approval', {
      params: { path: { id } },
      body: { decision, comment: '' },
    });
    setReviewError(error === undefined ? undefined : problemText(error));
    version.reload();
  }

  if (version.data === undefined) return <PageStatus error={version.error} />;
  const { data } = version;
  return (
    <>
      <h1>Model version {data.number}</h1>
      <p>
        Status: <strong>{data.status}</strong> · {data.framework} ·{' '}
        <Link to={`/models/${data.modelId}`}>the model and its aliases</Link> ·{' '}
        <Link to={`/lineage/model-version/${data.id}`}>lineage</Link> ·{' '}
        <Link to={`/models/${data.modelId}/compare?versions=${data.id}`}>compare with other versions</Link>
      </p>
      {data.status === 'PendingManualApproval' && (
        <p className="actions">
          <button type="button" onClick={() => void review('Approved')}>
            Approve version
          </button>
          <button type="button" className="danger" onClick={() => void review('Rejected')}>
            Reject version
          </button>
        </p>
      )}
      {reviewError !== undefined && (
        <p role="alert" className="error">
          {reviewError}
        </p>
      )}
      <section aria-labelledby="metrics">
        <h2 id="metrics">Metrics</h2>
        {Object.keys(data.metrics).length === 0 ? (
          <p>No metric recorded.</p>
        ) : (
          <DataTable
            label="Metrics"
            rows={Object.entries(data.metrics)}
            rowKey={([name]) => name}
            columns={[
              { header: 'Metric', cell: ([name]) => name },
              { header: 'Value', cell: ([, value]) => (typeof value === 'number' ? value : JSON.stringify(value)) },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="signature">
        <h2 id="signature">Signature and parameters</h2>
        <pre className="code" tabIndex={0} aria-label="Signature and parameters as JSON">
          {JSON.stringify({ signature: data.signature, params: data.params }, null, 2)}
        </pre>
      </section>
      <ModelCardSection versionId={data.id} />
      <section aria-labelledby="reviews">
        <h2 id="reviews">Reviews</h2>
        {data.approvals.length === 0 ? (
          <p>Not reviewed yet.</p>
        ) : (
          <ul>
            {data.approvals.map((approval) => (
              <li key={`${approval.decidedBy}-${approval.decidedAt}`}>
                {approval.decision} on {new Date(approval.decidedAt).toLocaleString()} by{' '}
                <span className="mono">{approval.decidedBy}</span>
                {approval.comment ? `: ${approval.comment}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
