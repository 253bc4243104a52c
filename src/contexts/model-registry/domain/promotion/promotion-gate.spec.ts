import { describe, expect, it } from '@jest/globals';
import { failedPromotionRules, type PromotionCandidate } from './promotion-gate.js';
import type { PromotionRule } from './promotion-rule.js';

const approved: PromotionCandidate = {
  status: 'Approved',
  hasArtifact: true,
  metrics: { auc: 0.93, latency: 12 },
  lineageComplete: true,
  modelCardFinal: true,
};

const failed = (rules: PromotionRule[], candidate = approved, currentHolder?: { metrics: Record<string, number> }) =>
  failedPromotionRules({ candidate, currentHolder, protectedAlias: false, rules }).map((failure) => failure.rule);

describe('failedPromotionRules', () => {
  it('passes a candidate that meets every rule', () => {
    const rules: PromotionRule[] = [
      { rule: 'approved' },
      { rule: 'metric-threshold', metric: 'auc', operator: '>=', value: 0.9 },
      { rule: 'metric-better-than-current', metric: 'latency', higherIsBetter: false },
      { rule: 'lineage-complete' },
      { rule: 'model-card-final' },
    ];
    expect(failed(rules, approved, { metrics: { latency: 15 } })).toEqual([]);
  });

  it('lists every failed rule at once', () => {
    const pending: PromotionCandidate = {
      ...approved,
      status: 'PendingManualApproval',
      lineageComplete: false,
      modelCardFinal: false,
    };
    const rules: PromotionRule[] = [
      { rule: 'approved' },
      { rule: 'metric-threshold', metric: 'auc', operator: '>', value: 0.95 },
      { rule: 'metric-threshold', metric: 'f1', operator: '>=', value: 0.5 },
      { rule: 'lineage-complete' },
      { rule: 'model-card-final' },
    ];
    expect(failed(rules, pending)).toEqual([
      'approved',
      'metric auc > 0.95',
      'metric f1 >= 0.5',
      'lineage-complete',
      'model-card-final',
    ]);
  });

  it('compares with the current holder only when it reported the metric', () => {
    const rule: PromotionRule = { rule: 'metric-better-than-current', metric: 'auc', higherIsBetter: true };
    expect(failed([rule], approved, { metrics: { auc: 0.95 } })).toHaveLength(1);
    expect(failed([rule], approved, { metrics: { auc: 0.93 } })).toHaveLength(1);
    expect(failed([rule], approved, { metrics: {} })).toEqual([]);
    expect(failed([rule], approved)).toEqual([]);
  });

  it('keeps unapproved versions out of protected aliases and versions without artifacts out of every alias', () => {
    const rejected = { ...approved, status: 'Rejected' as const };
    expect(failedPromotionRules({ candidate: rejected, protectedAlias: true, rules: [] })).toEqual([
      { rule: 'protected-alias', reason: expect.stringContaining('Rejected') },
    ]);
    const empty = { ...approved, status: 'PendingArtifact' as const, hasArtifact: false };
    expect(failedPromotionRules({ candidate: empty, protectedAlias: false, rules: [] })[0].rule).toBe('servable');
  });
});
