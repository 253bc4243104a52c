import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AlertRule } from '../alerts/alert-rule.js';
import { suggestRules } from './slo-suggestion.js';

const deployment = { kind: 'deployment', id: '0193a000-0000-7000-8000-0000000000d1', name: 'churn' } as const;
const workflow = { kind: 'workflow', id: '0193a000-0000-7000-8000-0000000000w1', name: 'nightly' } as const;

describe('suggested service-level rules', () => {
  it('suggests availability and p99 latency for a deployment, the bound twice what it served at', () => {
    const rules = suggestRules(deployment, { p99Seconds: 0.12 });
    expect(rules.map((rule) => [rule.objective, rule.expr.signal, rule.expr.threshold])).toEqual([
      ['availability', 'prediction.error_rate', 0.01],
      ['latency', 'prediction.latency_p99_seconds', 0.24],
    ]);
    expect(rules.every((rule) => rule.expr.filter.deploymentId === deployment.id)).toBe(true);
    expect(rules[0].labels).toEqual({ slo: 'availability', deployment: 'churn' });
  });

  it('bounds the p99 at one second for a deployment that has not served yet', () => {
    expect(suggestRules(deployment, {})[1].expr.threshold).toBe(1);
  });

  it('suggests success rate for a scheduled workflow, and duration once it has run', () => {
    expect(suggestRules(workflow, {}).map((rule) => rule.objective)).toEqual(['success-rate']);
    const rules = suggestRules(workflow, { longestRunSeconds: 100 });
    expect(rules.map((rule) => [rule.objective, rule.expr.signal, rule.expr.threshold])).toEqual([
      ['success-rate', 'workflow.failure_rate', 0.1],
      ['duration', 'workflow.duration_max_seconds', 150],
    ]);
  });

  it('suggests only rules the alert rule aggregate accepts, whatever was observed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(deployment, workflow),
        fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
        (subject, observed) => {
          for (const rule of suggestRules(subject, { p99Seconds: observed, longestRunSeconds: observed })) {
            const created = AlertRule.create({ ...rule, projectId: 'p', createdBy: 'u', at: new Date() });
            expect(created.snapshot.expr.threshold).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
