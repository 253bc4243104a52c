import { Link, useParams } from 'react-router';
import { AlertRulesSection } from '../alert-rules/alert-rules-section';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { AlertLabels } from './alert-labels';
import { PageStatus } from './page-status';
import { SilencesSection } from './silences-section';
import { DataTable } from '../shell/data-table';

// Rules are evaluated continuously; reading again every few seconds shows an alert fire without a reload.
const ALERTS_POLL_MS = 2000;
const HISTORY_LIMIT = 100;
// The history is read oldest first: a window keeps the page about what changed lately.
const HISTORY_WINDOW_MS = 24 * 3_600_000;

/** A project's alerts that are not inactive, the transitions they went through, its silences and its alert rules. */
export function AlertsPage() {
  usePageTitle('Alerts');
  const projectId = useParams().projectId!;
  const alerts = useApi(
    () => api.GET('/api/v1/projects/{projectId}/alerts', { params: { path: { projectId } } }),
    `alerts:${projectId}`,
    ALERTS_POLL_MS,
  );
  const history = useApi(
    () =>
      api.GET('/api/v1/projects/{projectId}/alert-history', {
        params: {
          path: { projectId },
          query: { limit: HISTORY_LIMIT, from: new Date(Date.now() - HISTORY_WINDOW_MS).toISOString() },
        },
      }),
    `alert-history:${projectId}`,
    ALERTS_POLL_MS,
  );
  return (
    <>
      <h1>Alerts</h1>
      <p>
        <Link to={`/projects/${projectId}`}>Back to the project</Link>
      </p>
      <section aria-labelledby="active-alerts">
        <h2 id="active-alerts">Active alerts</h2>
        {alerts.data === undefined ? (
          <PageStatus error={alerts.error} />
        ) : alerts.data.items.length === 0 ? (
          <p aria-live="polite">No alert is pending or firing.</p>
        ) : (
          <DataTable
            label="Active alerts"
            live
            rows={alerts.data.items}
            rowKey={(alert) => alert.id}
            rowAttributes={(alert) => ({ 'data-alert': alert.labels.alertname, 'data-state': alert.state })}
            columns={[
              { header: 'Alert', cell: (alert) => alert.labels.alertname ?? alert.ruleId },
              { header: 'State', cell: (alert) => <strong>{alert.state}</strong> },
              { header: 'Value', cell: (alert) => alert.value ?? '—' },
              {
                header: 'Since',
                cell: (alert) => (alert.activeSince === null ? '—' : new Date(alert.activeSince).toLocaleString()),
              },
              { header: 'Labels', cell: (alert) => <AlertLabels labels={alert.labels} /> },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="alert-history">
        <h2 id="alert-history">History of the last 24 hours</h2>
        {history.data?.nextCursor != null && (
          <p>More changes than these {HISTORY_LIMIT}: the earliest of the window are shown.</p>
        )}
        {history.data === undefined ? (
          <PageStatus error={history.error} />
        ) : history.data.items.length === 0 ? (
          <p>No alert has changed state in the last 24 hours.</p>
        ) : (
          <DataTable
            label="Alert history"
            // The API answers oldest first; the newest change is what a person looks for.
            rows={[...history.data.items].reverse()}
            rowKey={(transition) => transition.id}
            rowAttributes={(transition) => ({ 'data-transition': `${transition.from}-${transition.to}` })}
            columns={[
              { header: 'At', cell: (transition) => new Date(transition.at).toLocaleString() },
              { header: 'Alert', cell: (transition) => transition.labels.alertname ?? transition.ruleId },
              { header: 'Change', cell: (transition) => `${transition.from} → ${transition.to}` },
              { header: 'Value', cell: (transition) => transition.value ?? '—' },
              {
                header: 'Concerns',
                cell: (transition) =>
                  transition.lineage.map((node) => (
                    <span key={`${node.type}:${node.id}`}>
                      <Link to={`/lineage/${node.type}/${node.id}`}>{node.type}</Link>{' '}
                    </span>
                  )),
              },
            ]}
          />
        )}
      </section>
      <SilencesSection projectId={projectId} />
      <AlertRulesSection projectId={projectId} />
    </>
  );
}
