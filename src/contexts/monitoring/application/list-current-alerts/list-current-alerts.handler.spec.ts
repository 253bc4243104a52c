import { describe, expect, it } from '@jest/globals';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import { PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import type { Alert } from '../../domain/alerts/alert.js';
import { ListCurrentAlertsHandler } from './list-current-alerts.handler.js';

describe('ListCurrentAlertsHandler', () => {
  it('answers one state, or every alert that is not inactive', async () => {
    const ports = fakeAlertingPorts();
    const alert = (id: string, state: Alert['status']['state']): Alert => ({
      id,
      ruleId: 'r',
      projectId: PROJECT,
      fingerprint: id,
      labels: {},
      status: { state, activeSince: null, lastMetAt: null },
      value: null,
      annotations: {},
      lineage: [],
      updatedAt: ports.clock.now(),
    });
    await ports.alerts.save([alert('a', 'firing'), alert('b', 'inactive'), alert('c', 'pending')], []);
    const listing = new ListCurrentAlertsHandler(ports.alerts);
    expect((await listing.execute({ projectId: PROJECT })).map((a) => a.id)).toEqual(['a', 'c']);
    expect((await listing.execute({ projectId: PROJECT, state: 'inactive' })).map((a) => a.id)).toEqual(['b']);
  });
});
