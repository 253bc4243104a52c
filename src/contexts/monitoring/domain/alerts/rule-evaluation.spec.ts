import { describe, expect, it } from '@jest/globals';
import { AlertRule } from './alert-rule.js';
import { fingerprintOf, renderTemplate } from './labels.js';
import { evaluateRule } from './rule-evaluation.js';

const PROJECT = '0193a000-0000-7000-8000-000000000001';
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

describe('one evaluation of a rule', () => {
  const rule = AlertRule.create({
    projectId: PROJECT,
    name: 'checks failed',
    expr: { signal: 'data.checks_failed', window: '1h', op: '>', threshold: 0 },
    labels: { team: 'data' },
    annotations: { summary: '{{ $value }} failed suites on {{ $labels.versionId }}{{ $labels.missing }}' },
    createdBy: PROJECT,
    at: at(0),
  });
  const sample = (versionId: string, value: number) => ({
    projectId: PROJECT,
    labels: { datasetId: 'd1', versionId },
    value,
    lineage: [{ type: 'dataset-version', id: versionId }],
  });

  it('makes one alert per series, labelled and annotated, and stores only what changed', () => {
    const { alerts, transitions } = evaluateRule(rule, [sample('v1', 2), sample('v2', 0)], [], at(1));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      labels: { team: 'data', datasetId: 'd1', versionId: 'v1', alertname: 'checks failed', severity: 'warning' },
      annotations: { summary: '2 failed suites on v1' },
      lineage: [{ type: 'dataset-version', id: 'v1' }],
      status: { state: 'firing' },
    });
    expect(transitions).toEqual([
      expect.objectContaining({ from: 'inactive', to: 'firing', alertId: alerts[0].id, value: 2, at: at(1) }),
    ]);
  });

  it('resolves an alert whose series is gone, keeping its lineage', () => {
    const first = evaluateRule(rule, [sample('v1', 2)], [], at(1));
    const { alerts, transitions } = evaluateRule(rule, [], first.alerts, at(2));
    expect(transitions.map((t) => `${t.from}->${t.to}`)).toEqual(['firing->resolved']);
    expect(alerts[0]).toMatchObject({
      id: first.alerts[0].id,
      value: null,
      lineage: [{ type: 'dataset-version', id: 'v1' }],
    });
  });

  it('names a label set by its content, whatever the order of its entries', () => {
    expect(fingerprintOf({ a: '1', b: '2' })).toBe(fingerprintOf({ b: '2', a: '1' }));
    expect(fingerprintOf({ a: '1' })).not.toBe(fingerprintOf({ a: '2' }));
    expect(renderTemplate('{{$value}} / {{ $labels.a }}', 0.123456, { a: 'x' })).toBe('0.1235 / x');
  });
});
