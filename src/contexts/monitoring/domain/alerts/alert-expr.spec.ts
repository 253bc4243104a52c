import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { COMPARISONS, conditionMet, parseAlertExpr, windowMs, type AlertExpr } from './alert-expr.js';
import { SIGNALS } from './signal.catalogue.js';

const fields = (result: ReturnType<typeof parseAlertExpr>) =>
  Array.isArray(result) ? result.map((problem) => problem.field) : [];

describe('alert expressions', () => {
  it('accepts a condition over a catalogued signal, with its window and filters', () => {
    const expr = parseAlertExpr(
      { signal: 'workflow.failure_rate', window: '5m', filter: { workflowId: 'w' }, op: '>', threshold: 0.5 },
      false,
    );
    expect(expr).toEqual({
      signal: 'workflow.failure_rate',
      window: '5m',
      filter: { workflowId: 'w' },
      op: '>',
      threshold: 0.5,
    });
    expect(windowMs(expr as AlertExpr)).toBe(300_000);
  });

  it('names each field that breaks a rule', () => {
    expect(fields(parseAlertExpr('rate > 0.5', false))).toEqual(['expr']);
    expect(fields(parseAlertExpr({ signal: 'cpu', op: '>', threshold: 1 }, false))).toEqual(['expr.signal']);
    expect(
      fields(parseAlertExpr({ signal: 'workflow.failure_rate', op: '>=', threshold: 'half', query: 'x' }, false)),
    ).toEqual(['expr.query', 'expr.window', 'expr.threshold']);
    const staleness = { signal: 'model.staleness_days', window: '1d', filter: { runId: 'r' }, op: '>', threshold: 30 };
    expect(fields(parseAlertExpr(staleness, false))).toEqual(['expr.window', 'expr.filter.runId']);
  });

  it('accepts the prediction signals per deployment and variant, and refuses the bus to project rules', () => {
    const prediction = {
      signal: 'prediction.error_rate',
      window: '5m',
      filter: { variant: 'blue' },
      op: '>',
      threshold: 0.1,
    };
    expect(Array.isArray(parseAlertExpr(prediction, false))).toBe(false);
    const lag = { signal: 'bus.consumer_lag', op: '>', threshold: 100 };
    expect(fields(parseAlertExpr(lag, false))).toEqual(['expr.signal']);
    expect(Array.isArray(parseAlertExpr(lag, true))).toBe(false);
  });

  it('compares as its operator says, for any value and threshold', () => {
    const number = fc.double({ noNaN: true });
    fc.assert(
      fc.property(fc.constantFrom(...COMPARISONS), number, number, (op, value, threshold) => {
        const expr: AlertExpr = { signal: 'data.checks_failed', window: '1h', filter: {}, op, threshold };
        const reference = {
          '>': value > threshold,
          '>=': value >= threshold,
          '<': value < threshold,
          '<=': value <= threshold,
          '==': value === threshold,
          '!=': value !== threshold,
        };
        expect(conditionMet(expr, value)).toBe(reference[op]);
      }),
    );
  });

  it('lists every signal with its filters', () => {
    expect(SIGNALS['data.checks_failed'].filters).toEqual(['datasetId']);
    expect(SIGNALS['prediction.error_rate'].filters).toEqual(['deploymentId', 'variant']);
    expect(parseAlertExpr({ signal: 'queue.depth', op: '>', threshold: 100 }, false)).toEqual([
      { field: 'expr.signal', message: 'queue.depth watches the whole platform: only global rules may use it' },
    ]);
  });
});
