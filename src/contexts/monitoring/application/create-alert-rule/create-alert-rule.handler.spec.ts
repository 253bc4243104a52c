import { describe, expect, it } from '@jest/globals';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import { ACTOR, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { AlertRuleInvalid } from '../../domain/alerts/errors.js';
import { GetAlertRuleHandler } from '../get-alert-rule/get-alert-rule.handler.js';
import { CreateAlertRuleHandler } from './create-alert-rule.handler.js';

describe('CreateAlertRuleHandler', () => {
  const expr = { signal: 'data.checks_failed', window: '1h', op: '>', threshold: 0 };

  it('stores a project rule with Prometheus defaults, due at once', async () => {
    const ports = fakeAlertingPorts();
    const rule = await new CreateAlertRuleHandler(ports.rules, ports.clock).execute({
      projectId: PROJECT,
      name: ' checks ',
      expr,
      actorId: ACTOR,
    });
    expect(rule.snapshot).toMatchObject({ name: 'checks', for: '0s', keepFiringFor: '0s', severity: 'warning' });
    expect(rule.snapshot.expr).toEqual({ ...expr, filter: {} });
    expect(ports.rules.dueAt.get(rule.id)).toBe(ports.clock.now().getTime());
  });

  it('refuses a bad rule with every problem named, storing nothing', async () => {
    const ports = fakeAlertingPorts();
    const creating = new CreateAlertRuleHandler(ports.rules, ports.clock).execute({
      projectId: PROJECT,
      name: '',
      expr: { ...expr, window: '90d', extra: 1 },
      for: '1 minute',
      severity: 'page',
      labels: { 'bad-name': 'x' },
      actorId: ACTOR,
    });
    await expect(creating).rejects.toThrow(AlertRuleInvalid);
    const problems = await creating.catch((error: AlertRuleInvalid) => error.errors?.map((problem) => problem.field));
    expect(problems).toEqual(
      expect.arrayContaining(['name', 'expr.extra', 'expr.window', 'for', 'severity', 'labels.bad-name']),
    );
    expect(ports.rules.rows.size).toBe(0);
  });

  it('lets only global rules watch the bus, and keeps global and project rules apart', async () => {
    const ports = fakeAlertingPorts();
    const creating = new CreateAlertRuleHandler(ports.rules, ports.clock);
    const lag = { signal: 'bus.consumer_lag', op: '>', threshold: 1000 };
    await expect(creating.execute({ projectId: PROJECT, name: 'lag', expr: lag, actorId: ACTOR })).rejects.toThrow(
      AlertRuleInvalid,
    );
    const global = await creating.execute({ projectId: null, name: 'lag', expr: lag, actorId: ACTOR });
    const reading = new GetAlertRuleHandler(ports.lookup);
    await expect(reading.execute({ ruleId: global.id, global: false })).rejects.toThrow('was not found');
    expect((await reading.execute({ ruleId: global.id, global: true })).id).toBe(global.id);
  });
});
