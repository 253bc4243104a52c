import { describe, expect, it } from '@jest/globals';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import { OTHER_PROJECT, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import type { Alert } from '../../domain/alerts/alert.js';
import { GetMonitoringStatusHandler } from './get-monitoring-status.handler.js';

describe('GetMonitoringStatusHandler', () => {
  function withAlerts() {
    const ports = fakeAlertingPorts();
    const alert = (id: string, projectId: string | null, state: Alert['status']['state']): Alert => ({
      id,
      ruleId: 'r',
      projectId,
      fingerprint: id,
      labels: { alertname: id },
      status: { state, activeSince: null, lastMetAt: null },
      value: 1,
      annotations: {},
      lineage: [],
      updatedAt: ports.clock.now(),
    });
    const alerts = [
      alert('mine', PROJECT, 'firing'),
      alert('theirs', OTHER_PROJECT, 'firing'),
      alert('bus', null, 'firing'),
      alert('soon', PROJECT, 'pending'),
    ];
    return { ports, ready: ports.alerts.save(alerts, []) };
  }

  it("summarises a project's firing alerts, failing workflows and serving variants, with the platform's bus and queues", async () => {
    const { ports, ready } = withAlerts();
    await ready;
    const sample = (labels: Record<string, string>, value: number, projectId: string | null = PROJECT) => ({
      projectId,
      labels,
      value,
      lineage: [],
    });
    ports.signals.samples.set('workflow.failure_rate', [
      { ...sample({ workflowId: 'w1' }, 0.5), lineage: [{ type: 'workflow-run', id: 'run-1' }] },
      sample({ workflowId: 'w2' }, 0),
    ]);
    ports.signals.samples.set('prediction.error_rate', [sample({ deploymentId: 'd', variant: 'blue' }, 0.2)]);
    ports.signals.samples.set('prediction.latency_p99_seconds', [sample({ deploymentId: 'd', variant: 'blue' }, 0.7)]);
    ports.signals.samples.set('bus.consumer_lag', [sample({ group: 'g1' }, 4, null), sample({ group: 'g2' }, 0, null)]);
    ports.signals.samples.set('queue.depth', [sample({ queue: 'q' }, 2, null)]);
    ports.signals.failing.add('bus.outbox_backlog');

    const status = await new GetMonitoringStatusHandler(ports.alerts, ports.signals, ports.clock).execute({
      projectId: PROJECT,
    });
    expect(status.firingAlerts.map((alert) => alert.id)).toEqual(['mine']);
    expect(status.pendingAlerts).toBe(1);
    expect(status.failingWorkflows).toEqual([
      { projectId: PROJECT, workflowId: 'w1', failureRate: 0.5, failedRunIds: ['run-1'] },
    ]);
    expect(status.variants).toEqual([
      { projectId: PROJECT, deploymentId: 'd', variant: 'blue', errorRate: 0.2, p99Seconds: 0.7 },
    ]);
    expect(status.laggingConsumers).toEqual([{ labels: { group: 'g1' }, value: 4 }]);
    expect(status.queues).toEqual([{ labels: { queue: 'q' }, value: 2 }]);
    expect(status.outboxes).toEqual([]);
    expect(status.unavailable).toEqual(['bus.outbox_backlog']);
  });

  it('shows administrators the firing alerts of every project and of the platform', async () => {
    const { ports, ready } = withAlerts();
    await ready;
    const status = await new GetMonitoringStatusHandler(ports.alerts, ports.signals, ports.clock).execute({
      projectId: null,
    });
    expect(status.firingAlerts.map((alert) => alert.id).sort()).toEqual(['bus', 'mine', 'theirs']);
    expect(status.unavailable).toEqual([]);
  });
});
