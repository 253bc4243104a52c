import { Link } from 'react-router';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { ApprovalButtons } from './approval-buttons';
import { PageStatus } from './page-status';

const INBOX_POLL_MS = 5000;

/** The gates waiting for the signed-in person, across their projects. */
export function ApprovalsPage() {
  usePageTitle('Pending approvals');
  const approvals = useApi(
    () => api.GET('/api/v1/me/approvals', { params: { query: { status: 'pending', limit: 100 } } }),
    'approvals',
    INBOX_POLL_MS,
  );
  return (
    <>
      <h1>Pending approvals</h1>
      {approvals.data === undefined ? (
        <PageStatus error={approvals.error} />
      ) : approvals.data.items.length === 0 ? (
        <p>Nothing waits for you.</p>
      ) : (
        <ul className="cards">
          {approvals.data.items.map((approval) => (
            <li key={approval.id} className="card">
              <h2>
                {approval.workflowName}: {approval.taskKey}
              </h2>
              {approval.message !== undefined && <p>{approval.message}</p>}
              <p>
                Asked {new Date(approval.requestedAt).toLocaleString()} ·{' '}
                <Link to={`/runs/${approval.runId}`}>open the run</Link>
              </p>
              <ApprovalButtons runId={approval.runId} taskKey={approval.taskKey} onDecided={approvals.reload} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
