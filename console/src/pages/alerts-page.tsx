import { Link, useParams } from 'react-router';
import { AlertRulesSection } from '../alert-rules/alert-rules-section';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { usePageTitle } from '../shell/use-page-title';
import { AlertLabels } from './alert-labels';
import { PageStatus } from './page-status';
import { SilencesSection } from './silences-section';

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
          <div className="table-scroll" role="region" aria-label="Active alerts" tabIndex={0} aria-live="polite">
            <table>
              <thead>
                <tr>
                  <th scope="col">Alert</th>
                  <th scope="col">State</th>
                  <th scope="col">Value</th>
                  <th scope="col">Since</th>
                  <th scope="col">Labels</th>
                </tr>
              </thead>
              <tbody>
                {alerts.data.items.map((alert) => (
                  <tr key={alert.id} data-alert={alert.labels.alertname} data-state={alert.state}>
                    <td>{alert.labels.alertname ?? alert.ruleId}</td>
                    <td>
                      <strong>{alert.state}</strong>
                    </td>
                    <td>{alert.value ?? '—'}</td>
                    <td>{alert.activeSince === null ? '—' : new Date(alert.activeSince).toLocaleString()}</td>
                    <td>
                      <AlertLabels labels={alert.labels} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
          <div className="table-scroll" role="region" aria-label="Alert history" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">At</th>
                  <th scope="col">Alert</th>
                  <th scope="col">Change</th>
                  <th scope="col">Value</th>
                  <th scope="col">Concerns</th>
                </tr>
              </thead>
              <tbody>
                {/* The API answers oldest first; the newest change is what a person looks for. */}
                {[...history.data.items].reverse().map((transition) => (
                  <tr key={transition.id} data-transition={`${transition.from}-${transition.to}`}>
                    <td>{new Date(transition.at).toLocaleString()}</td>
                    <td>{transition.labels.alertname ?? transition.ruleId}</td>
                    <td>
                      {transition.from} → {transition.to}
                    </td>
                    <td>{transition.value ?? '—'}</td>
                    <td>
                      {transition.lineage.map((node) => (
                        <span key={`${node.type}:${node.id}`}>
                          <Link to={`/lineage/${node.type}/${node.id}`}>{node.type}</Link>{' '}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <SilencesSection projectId={projectId} />
      <AlertRulesSection projectId={projectId} />
    </>
  );
}
