import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { CheckSuite, DEFAULT_FAILING_KEY_LIMIT } from './check-suite.js';

describe('CheckSuite', () => {
  it('caps failing keys at 1,000 by default and lists the references its checks read', () => {
    const suite = CheckSuite.of({
      checks: [
        {
          name: 'orphans',
          kind: 'relationships',
          columns: ['customer_id'],
          reference: 'customers',
          referenceColumns: ['id'],
        },
        { name: 'drift', kind: 'ks_drift', column: 'amount', reference: 'last-week', maxStatistic: 0.1 },
        { name: 'psi', kind: 'psi_drift', column: 'amount', reference: 'last-week', maxPsi: 0.2 },
        { name: 'ids', kind: 'not_null', column: 'id' },
      ],
    });
    expect(suite.failingKeyLimit).toBe(DEFAULT_FAILING_KEY_LIMIT);
    expect(suite.references).toEqual(['customers', 'last-week']);
  });

  it('refuses two checks of one name, no checks and a negative key limit', () => {
    const check = { name: 'ids', kind: 'not_null' as const, column: 'id' };
    expect(() => CheckSuite.of({ checks: [check, check] })).toThrow(ValidationError);
    expect(() => CheckSuite.of({ checks: [] })).toThrow(ValidationError);
    expect(() => CheckSuite.of({ checks: [check], failingKeyLimit: -1 })).toThrow(ValidationError);
  });

  it('refuses a suite holding an invalid check', () => {
    expect(() => CheckSuite.of({ checks: [{ name: 'bad', kind: 'not_null', column: '' }] })).toThrow(ValidationError);
  });
});
