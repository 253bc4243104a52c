import { describe, expect, it } from '@jest/globals';
import { conditionText, filterText, parseFilter } from './rule-form-values';

describe('alert rule form values', () => {
  it('reads a filter from comma-separated name=value pairs and writes it back the same way', () => {
    const filter = parseFilter(' deploymentId = d-1 , variant=b ,');
    expect(filter).toEqual({ deploymentId: 'd-1', variant: 'b' });
    expect(filterText(filter)).toBe('deploymentId=d-1, variant=b');
  });

  it('keeps a name without a value, for the API to refuse by name', () => {
    expect(parseFilter('workflowId')).toEqual({ workflowId: '' });
  });

  it("writes a rule's condition as Prometheus would", () => {
    expect(
      conditionText({
        signal: 'prediction.error_rate',
        window: '5m',
        filter: { variant: 'b' },
        op: '>',
        threshold: 0.1,
      }),
    ).toBe('prediction.error_rate[5m]{variant=b} > 0.1');
    expect(conditionText({ signal: 'model.staleness_days', filter: {}, op: '>=', threshold: 30 })).toBe(
      'model.staleness_days >= 30',
    );
  });
});
