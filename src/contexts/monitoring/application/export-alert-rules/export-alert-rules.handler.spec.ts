import { describe, expect, it } from '@jest/globals';
import { fakeAlertingPorts } from '../../../../../test/support/monitoring/fake-alerting-ports.js';
import { ACTOR, PROJECT } from '../../../../../test/support/monitoring/fake-ports.js';
import { CreateAlertRuleHandler } from '../create-alert-rule/create-alert-rule.handler.js';
import { ExportAlertRulesHandler } from './export-alert-rules.handler.js';

describe('ExportAlertRulesHandler', () => {
  it('maps global rules to PromQL over the platform’s metrics and lists the ones no metric holds', async () => {
    const ports = fakeAlertingPorts();
    const creating = new CreateAlertRuleHandler(ports.rules, ports.clock);
    await creating.execute({
      projectId: null,
      name: 'runs failing',
      expr: { signal: 'workflow.failure_rate', window: '10m', op: '>', threshold: 0.5 },
      for: '30s',
      keepFiringFor: '5m',
      severity: 'critical',
      labels: { team: 'ml' },
      annotations: { summary: 'failure rate {{ $value }} of {{ $labels.team }}; literal {{ braces' },
      actorId: ACTOR,
    });
    await creating.execute({
      projectId: null,
      name: 'lagging',
      expr: { signal: 'bus.consumer_lag', filter: { group: 'monitoring.alert-signals' }, op: '>=', threshold: 100 },
      actorId: ACTOR,
    });
    await creating.execute({
      projectId: null,
      name: 'stale',
      expr: { signal: 'model.staleness_days', op: '>', threshold: 30 },
      actorId: ACTOR,
    });

    const exported = await new ExportAlertRulesHandler(ports.rules).execute({ projectId: null });

    expect(exported.groups).toHaveLength(1);
    expect(exported.groups[0].name).toBe('mlops-platform-global');
    expect(exported.groups[0].rules).toEqual([
      {
        alert: 'runs failing',
        expr:
          'sum(increase(workflow_runs_finished_total{state="failed"}[10m])) / ' +
          'sum(increase(workflow_runs_finished_total{state=~"failed|succeeded"}[10m])) > 0.5',
        for: '30s',
        keep_firing_for: '5m',
        labels: { team: 'ml', severity: 'critical' },
        annotations: { summary: 'failure rate {{ $value }} of {{ $labels.team }}; literal {{ "{{" }} braces' },
      },
      expect.objectContaining({
        alert: 'lagging',
        expr: 'max by (consumer) (events_consumer_lag{consumer="monitoring.alert-signals"}) >= 100',
      }),
    ]);
    expect(exported.skipped).toEqual([{ name: 'stale', reason: expect.stringMatching(/not a metric/) }]);
  });

  it('skips every rule of a project, whose share no metric label holds, and answers no group', async () => {
    const ports = fakeAlertingPorts();
    await new CreateAlertRuleHandler(ports.rules, ports.clock).execute({
      projectId: PROJECT,
      name: 'mine failing',
      expr: { signal: 'workflow.failure_rate', window: '5m', op: '>', threshold: 0.5 },
      actorId: ACTOR,
    });

    const exported = await new ExportAlertRulesHandler(ports.rules).execute({ projectId: PROJECT });

    expect(exported.groups).toEqual([]);
    expect(exported.skipped).toEqual([{ name: 'mine failing', reason: expect.stringMatching(/no project label/) }]);
  });
});
