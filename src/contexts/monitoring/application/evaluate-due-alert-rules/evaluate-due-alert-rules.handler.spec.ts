import { describe, expect, it } from '@jest/globals';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import { ACTOR, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { AlertRule } from '../../domain/alerts/alert-rule.js';
import { EvaluateDueAlertRulesHandler } from './evaluate-due-alert-rules.handler.js';

const WORKFLOW = '0193a000-0000-7000-8000-0000000000f1';

describe('EvaluateDueAlertRulesHandler', () => {
  const build = async (forDuration = '30s') => {
    const ports = fakeAlertingPorts();
    const handler = new EvaluateDueAlertRulesHandler(
      ports.rules,
      ports.alerts,
      ports.signals,
      ports.events,
      ports.transaction,
      ports.settings,
      ports.clock,
    );
    const rule = AlertRule.create({
      projectId: PROJECT,
      name: 'failing',
      expr: { signal: 'workflow.failure_rate', window: '5m', op: '>', threshold: 0.5 },
      for: forDuration,
      labels: { team: 'ml' },
      annotations: { summary: 'rate {{ $value }}' },
      createdBy: ACTOR,
      at: ports.clock.now(),
    });
    await ports.rules.add(rule);
    const failing = (value: number) =>
      ports.signals.samples.set('workflow.failure_rate', [
        { projectId: PROJECT, labels: { workflowId: WORKFLOW }, value, lineage: [{ type: 'workflow-run', id: 'r1' }] },
      ]);
    return { ports, handler, rule, failing };
  };

  it('goes pending, then firing once `for` elapsed, storing each transition and publishing firing once', async () => {
    const { ports, handler, rule, failing } = await build();
    failing(1);
    expect(await handler.execute({})).toEqual({ claimed: 1, transitions: 1 });
    ports.clock.advance(30_000);
    expect(await handler.execute({})).toEqual({ claimed: 1, transitions: 1 });
    ports.clock.advance(1_000);
    await handler.execute({});
    expect(ports.alerts.transitions.map((t) => `${t.from}->${t.to}`)).toEqual(['inactive->pending', 'pending->firing']);
    expect(ports.alerts.transitions[1]).toMatchObject({
      ruleId: rule.id,
      projectId: PROJECT,
      value: 1,
      labels: { alertname: 'failing', severity: 'warning', team: 'ml', workflowId: WORKFLOW },
      annotations: { summary: 'rate 1' },
      lineage: [{ type: 'workflow-run', id: 'r1' }],
    });
    expect(ports.events.published.map((event) => event.type)).toEqual(['monitoring.alert.firing.v1']);
  });

  it('resolves a firing alert whose series is gone and publishes the resolution', async () => {
    const { ports, handler } = await build('0s');
    ports.signals.samples.set('workflow.failure_rate', [{ projectId: PROJECT, labels: {}, value: 0.9, lineage: [] }]);
    await handler.execute({});
    ports.signals.samples.set('workflow.failure_rate', []);
    ports.clock.advance(1_000);
    await handler.execute({});
    expect(ports.alerts.transitions.map((t) => t.to)).toEqual(['firing', 'resolved']);
    expect(ports.events.published.map((event) => event.type)).toEqual([
      'monitoring.alert.firing.v1',
      'monitoring.alert.resolved.v1',
    ]);
  });

  it('evaluates a rule once per interval, and a rule whose signal fails keeps its alerts and comes back', async () => {
    const { ports, handler } = await build();
    ports.signals.failing.add('workflow.failure_rate');
    expect(await handler.execute({})).toEqual({ claimed: 1, transitions: 0 });
    expect(await handler.execute({})).toEqual({ claimed: 0, transitions: 0 });
    ports.clock.advance(ports.settings.evaluationIntervalMs);
    expect((await handler.execute({})).claimed).toBe(1);
    expect(ports.alerts.alerts.size).toBe(0);
  });
});
