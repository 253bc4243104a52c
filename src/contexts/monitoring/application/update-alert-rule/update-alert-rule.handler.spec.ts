import { describe, expect, it } from '@jest/globals';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import { ACTOR, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { AlertRuleInvalid } from '../../domain/alerts/errors.js';
import { CreateAlertRuleHandler } from '../create-alert-rule/create-alert-rule.handler.js';
import { UpdateAlertRuleHandler } from './update-alert-rule.handler.js';

describe('UpdateAlertRuleHandler', () => {
  const build = async () => {
    const ports = fakeAlertingPorts();
    const rule = await new CreateAlertRuleHandler(ports.rules, ports.clock).execute({
      projectId: PROJECT,
      name: 'r',
      expr: { signal: 'model.staleness_days', op: '>', threshold: 30 },
      actorId: ACTOR,
    });
    return { ports, rule, updating: new UpdateAlertRuleHandler(ports.lookup, ports.rules, ports.clock) };
  };

  it('changes what it is given and keeps the rest', async () => {
    const { ports, rule, updating } = await build();
    ports.clock.advance(1000);
    const changed = await updating.execute({ ruleId: rule.id, global: false, for: '5m', severity: 'critical' });
    expect(changed.snapshot).toMatchObject({
      name: 'r',
      for: '5m',
      severity: 'critical',
      updatedAt: ports.clock.now(),
    });
  });

  it('refuses a change that breaks a rule, and a global route’s change of a project rule', async () => {
    const { rule, updating } = await build();
    await expect(updating.execute({ ruleId: rule.id, global: false, expr: { signal: 'x' } })).rejects.toThrow(
      AlertRuleInvalid,
    );
    await expect(updating.execute({ ruleId: rule.id, global: true, name: 'x' })).rejects.toThrow('was not found');
  });
});
