import { compareSchema } from '../schema/schema-comparison.js';
import type { Check, KsDriftCheck } from './check.js';
import { statusFor, type CheckResult, type ResultDetail } from './check-result.js';
import { ksPValue, populationStabilityIndex } from './drift-statistics.js';
import type { Measurement } from './measurement.js';

interface Verdict {
  readonly violated: boolean;
  readonly observedValue: number | null;
  readonly threshold: string;
  readonly details?: Readonly<Record<string, ResultDetail>>;
}

/** The verdict on one check from what was measured: pass, or the check's severity as warn or fail. */
export function judgeCheck(check: Check, measurement: Measurement): CheckResult {
  const verdict = verdictOf(check, measurement);
  return {
    check: check.name,
    kind: check.kind,
    severity: check.severity,
    status: statusFor(verdict.violated, check.severity),
    observedValue: verdict.observedValue,
    threshold: verdict.threshold,
    ...(measurement.kind === 'rows' ? { failingRows: measurement.failing } : {}),
    details: verdict.details ?? {},
  };
}

function verdictOf(check: Check, measurement: Measurement): Verdict {
  // A check that cannot run has not passed: it counts as violated, at its own severity.
  if (measurement.kind === 'unmeasurable')
    return { violated: true, observedValue: null, threshold: 'not measured', details: { error: measurement.reason } };
  if (measurement.kind === 'rows' && 'threshold' in check) {
    const { total } = measurement.failing;
    return {
      violated: check.threshold.isExceededBy(total, measurement.totalRows),
      observedValue: total,
      threshold: check.threshold.toString(),
      details: { rowsChecked: measurement.totalRows },
    };
  }
  if (measurement.kind === 'row_count' && check.kind === 'row_count_between') {
    const { rowCount } = measurement;
    const violated =
      (check.min !== undefined && rowCount < check.min) || (check.max !== undefined && rowCount > check.max);
    return {
      violated,
      observedValue: rowCount,
      threshold: `between ${check.min ?? '-inf'} and ${check.max ?? 'inf'} rows`,
    };
  }
  if (measurement.kind === 'schema' && check.kind === 'schema') {
    const differences = compareSchema(check.schema, measurement.observed, check.allowAdditiveColumns);
    const threshold = check.allowAdditiveColumns
      ? 'declared columns and types, extra columns allowed'
      : 'exactly the declared columns and types';
    return { violated: differences.length > 0, observedValue: differences.length, threshold, details: { differences } };
  }
  if (measurement.kind === 'freshness' && check.kind === 'freshness') {
    const age = measurement.latest === null ? null : (measurement.at.getTime() - measurement.latest.getTime()) / 1000;
    return {
      violated: age === null || age > check.maxAgeSeconds,
      observedValue: age,
      threshold: `<= ${check.maxAgeSeconds} s old`,
      details: { latest: measurement.latest?.toISOString() ?? null },
    };
  }
  if (measurement.kind === 'psi' && check.kind === 'psi_drift') {
    const psi = populationStabilityIndex(measurement.bins);
    const measured = Number.isFinite(psi);
    return {
      violated: !measured || psi > check.maxPsi,
      observedValue: measured ? psi : null,
      threshold: `PSI <= ${check.maxPsi}`,
      details: { bins: measurement.bins.length },
    };
  }
  if (measurement.kind === 'ks' && check.kind === 'ks_drift') return ksVerdict(check, measurement);
  throw new Error(`A ${measurement.kind} measurement cannot judge a ${check.kind} check`);
}

function ksVerdict(check: KsDriftCheck, measurement: Extract<Measurement, { kind: 'ks' }>): Verdict {
  const { statistic, currentCount, referenceCount } = measurement;
  const pValue = statistic === null ? Number.NaN : ksPValue(statistic, currentCount, referenceCount);
  const measured = statistic !== null && Number.isFinite(pValue);
  const violated =
    !measured ||
    (check.maxStatistic !== undefined && statistic > check.maxStatistic) ||
    (check.minPValue !== undefined && pValue < check.minPValue);
  const bounds = [
    check.maxStatistic === undefined ? undefined : `D <= ${check.maxStatistic}`,
    check.minPValue === undefined ? undefined : `p >= ${check.minPValue}`,
  ].filter((bound) => bound !== undefined);
  return {
    violated,
    observedValue: statistic,
    threshold: bounds.join(' and '),
    details: { pValue: measured ? pValue : null, currentCount, referenceCount },
  };
}
