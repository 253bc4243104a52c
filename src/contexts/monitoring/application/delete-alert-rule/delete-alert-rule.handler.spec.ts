import { describe, expect, it } from '@jest/globals';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import { ACTOR, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { CreateAlertRuleHandler } from '../create-alert-rule/create-alert-rule.handler.js';
import { DeleteAlertRuleHandler } from './delete-alert-rule.handler.js';

describe('DeleteAlertRuleHandler', () => {
  it('deletes a project rule through project routes only', async () => {
    const ports = fakeAlertingPorts();
    const rule = await new CreateAlertRuleHandler(ports.rules, ports.clock).execute({
      projectId: PROJECT,
      name: 'r',
      expr: { signal: 'model.staleness_days', op: '>', threshold: 30 },
      actorId: ACTOR,
    });
    const deleting = new DeleteAlertRuleHandler(ports.lookup, ports.rules);
    await expect(deleting.execute({ ruleId: rule.id, global: true })).rejects.toThrow('was not found');
    await deleting.execute({ ruleId: rule.id, global: false });
    expect(ports.rules.rows.size).toBe(0);
  });
});
