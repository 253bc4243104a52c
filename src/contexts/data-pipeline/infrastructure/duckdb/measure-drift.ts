import type { KsDriftCheck, PsiDriftCheck } from '../../domain/checks/check.js';
import type { Measurement } from '../../domain/checks/measurement.js';
import { binnedCountsSql, categoryCountsSql, ksStatisticSql, quantileEdgesSql } from './drift-sql.js';
import { countOf } from './key-values.js';
import type { SuiteContext } from './suite-context.js';

/** PSI from bins counted in SQL: only one row per bin (or category) reaches Node, never the values. */
export async function measurePsi(context: SuiteContext, check: PsiDriftCheck): Promise<Measurement> {
  const reference = context.referenceTable(check.reference);
  const sql =
    check.binning === 'categorical'
      ? categoryCountsSql(check.column, reference)
      : binnedCountsSql(check.column, reference, await quantileEdges(context, check, reference));
  const rows = await context.session.rows(sql);
  return {
    kind: 'psi',
    bins: rows.map(([inReference, inCurrent]) => ({ reference: countOf(inReference), current: countOf(inCurrent) })),
  };
}

/** Equal-mass bins of the reference; repeated cut points (a value filling several bins) collapse into one. */
async function quantileEdges(context: SuiteContext, check: PsiDriftCheck, reference: string): Promise<number[]> {
  const [[edges]] = await context.session.rows(quantileEdgesSql(check.column, reference, check.bins));
  const values = Array.isArray(edges) ? edges.filter((edge) => typeof edge === 'number') : [];
  return [...new Set(values)].sort((a, b) => a - b);
}

export async function measureKs(context: SuiteContext, check: KsDriftCheck): Promise<Measurement> {
  const [[statistic, currentCount, referenceCount]] = await context.session.rows(
    ksStatisticSql(check.column, context.referenceTable(check.reference)),
  );
  return {
    kind: 'ks',
    statistic: typeof statistic === 'number' ? statistic : null,
    currentCount: countOf(currentCount),
    referenceCount: countOf(referenceCount),
  };
}
