import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import { PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { ListAlertHistoryHandler } from './list-alert-history.handler.js';

describe('ListAlertHistoryHandler', () => {
  it('answers the project’s transitions, and refuses a window that ends before it starts', async () => {
    const ports = fakeAlertingPorts();
    const transition = {
      id: 't1',
      alertId: 'a',
      ruleId: 'r',
      projectId: PROJECT,
      labels: {},
      from: 'inactive',
      to: 'firing',
      at: ports.clock.now(),
      value: 1,
      annotations: {},
      lineage: [],
    } as const;
    await ports.alerts.save([], [transition]);
    const listing = new ListAlertHistoryHandler(ports.alerts);
    expect((await listing.execute({ projectId: PROJECT, limit: 10 })).items).toEqual([transition]);
    await expect(
      listing.execute({ projectId: PROJECT, limit: 10, from: new Date(2), to: new Date(1) }),
    ).rejects.toThrow(ValidationError);
  });
});
