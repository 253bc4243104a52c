import { describe, expect, it } from '@jest/globals';
import type { CheckInput } from './check-input.js';
import { defineCheck } from './define-check.js';
import { judgeCheck } from './judge-check.js';
import type { Measurement } from './measurement.js';

const judge = (input: CheckInput, measurement: Measurement) => judgeCheck(defineCheck(input), measurement);
const failing = (total: number) => ({ total, keys: [[1]], keyColumns: ['id'] });

describe('judgeCheck', () => {
  it('passes a row check under its threshold and grades one over it by severity', () => {
    const under = judge(
      { name: 'c', kind: 'not_null', column: 'a', threshold: '> 2 rows' },
      { kind: 'rows', totalRows: 10, failing: failing(2) },
    );
    expect(under).toMatchObject({ status: 'pass', observedValue: 2, threshold: '> 2 rows', failingRows: failing(2) });
    const warned = judge(
      { name: 'c', kind: 'not_null', column: 'a', severity: 'warn' },
      { kind: 'rows', totalRows: 10, failing: failing(1) },
    );
    expect(warned.status).toBe('warn');
    const failed = judge(
      { name: 'c', kind: 'not_null', column: 'a', threshold: '> 10%' },
      { kind: 'rows', totalRows: 10, failing: failing(2) },
    );
    expect(failed.status).toBe('fail');
  });

  it('judges row counts against inclusive bounds', () => {
    const input: CheckInput = { name: 'c', kind: 'row_count_between', min: 5, max: 10 };
    expect(judge(input, { kind: 'row_count', rowCount: 10 }).status).toBe('pass');
    expect(judge(input, { kind: 'row_count', rowCount: 11 })).toMatchObject({
      status: 'fail',
      observedValue: 11,
      threshold: 'between 5 and 10 rows',
    });
  });

  it('judges freshness by the age of the latest value, and an empty column as stale', () => {
    const input: CheckInput = { name: 'c', kind: 'freshness', column: 'at', maxAgeSeconds: 3600 };
    const at = new Date('2026-12-01T12:00:00Z');
    expect(judge(input, { kind: 'freshness', latest: new Date('2026-12-01T11:30:00Z'), at })).toMatchObject({
      status: 'pass',
      observedValue: 1800,
    });
    expect(judge(input, { kind: 'freshness', latest: new Date('2026-12-01T10:59:59Z'), at }).status).toBe('fail');
    expect(judge(input, { kind: 'freshness', latest: null, at })).toMatchObject({
      status: 'fail',
      observedValue: null,
    });
  });

  it('judges PSI and KS against their bounds', () => {
    const psi: CheckInput = { name: 'c', kind: 'psi_drift', column: 'a', reference: 'r', maxPsi: 0.1 };
    expect(
      judge(psi, {
        kind: 'psi',
        bins: [
          { reference: 50, current: 50 },
          { reference: 50, current: 50 },
        ],
      }).status,
    ).toBe('pass');
    expect(
      judge(psi, {
        kind: 'psi',
        bins: [
          { reference: 50, current: 30 },
          { reference: 50, current: 70 },
        ],
      }).status,
    ).toBe('fail');
    const ks: CheckInput = {
      name: 'c',
      kind: 'ks_drift',
      column: 'a',
      reference: 'r',
      maxStatistic: 0.1,
      minPValue: 0.01,
      severity: 'warn',
    };
    expect(judge(ks, { kind: 'ks', statistic: 0.05, currentCount: 100, referenceCount: 100 })).toMatchObject({
      status: 'pass',
      threshold: 'D <= 0.1 and p >= 0.01',
    });
    expect(judge(ks, { kind: 'ks', statistic: 0.3, currentCount: 100, referenceCount: 100 }).status).toBe('warn');
    expect(judge(ks, { kind: 'ks', statistic: null, currentCount: 0, referenceCount: 100 }).status).toBe('warn');
  });

  it('fails a check that could not be measured, saying why', () => {
    const result = judge(
      { name: 'c', kind: 'not_null', column: 'ghost' },
      { kind: 'unmeasurable', reason: 'no column ghost' },
    );
    expect(result).toMatchObject({ status: 'fail', observedValue: null, details: { error: 'no column ghost' } });
  });

  it('refuses a measurement of the wrong kind', () => {
    expect(() => judge({ name: 'c', kind: 'not_null', column: 'a' }, { kind: 'row_count', rowCount: 3 })).toThrow(
      /cannot judge/,
    );
  });
});
