import type { FailedRule } from '../errors.js';
import type { Metrics } from '../version/model-version.js';
import type { ModelVersionStatus } from '../version/model-version-status.js';
import { ruleLabel, type PromotionRule } from './promotion-rule.js';

/** What the gate needs to know of a version: a plain view, so tests need no aggregate. */
export interface PromotionCandidate {
  readonly status: ModelVersionStatus;
  readonly hasArtifact: boolean;
  readonly metrics: Metrics;
  readonly lineageComplete: boolean;
  readonly modelCardFinal: boolean;
}

export interface PromotionRequest {
  readonly candidate: PromotionCandidate;
  /** The version the alias names now, if any. */
  readonly currentHolder?: Pick<PromotionCandidate, 'metrics'>;
  readonly protectedAlias: boolean;
  readonly rules: readonly PromotionRule[];
}

/**
 * Every reason the alias may not move to the candidate; empty means it may. All rules are
 * checked so the refusal lists them together rather than one per attempt.
 */
export function failedPromotionRules(request: PromotionRequest): FailedRule[] {
  const { candidate } = request;
  const failures: FailedRule[] = [];
  if (!candidate.hasArtifact || candidate.status === 'Archived') {
    failures.push({ rule: 'servable', reason: `a version in status ${candidate.status} cannot take an alias` });
  }
  if (request.protectedAlias && candidate.status !== 'Approved') {
    failures.push({
      rule: 'protected-alias',
      reason: `only Approved versions may take it; this one is ${candidate.status}`,
    });
  }
  for (const rule of request.rules) {
    const reason = reasonToRefuse(rule, request);
    if (reason) failures.push({ rule: ruleLabel(rule), reason });
  }
  return failures;
}

function reasonToRefuse(rule: PromotionRule, { candidate, currentHolder }: PromotionRequest): string | undefined {
  switch (rule.rule) {
    case 'approved':
      return candidate.status === 'Approved' ? undefined : `the version is ${candidate.status}`;
    case 'lineage-complete':
      return candidate.lineageComplete ? undefined : 'the producing run, task or training datasets are not recorded';
    case 'model-card-final':
      return candidate.modelCardFinal ? undefined : 'the model card is missing or still a draft';
    case 'metric-threshold': {
      const value = metric(candidate.metrics, rule.metric);
      if (value === undefined) return `the version has no metric ${rule.metric}`;
      return compare(value, rule.operator, rule.value) ? undefined : `${rule.metric} is ${value}`;
    }
    case 'metric-better-than-current': {
      const value = metric(candidate.metrics, rule.metric);
      if (value === undefined) return `the version has no metric ${rule.metric}`;
      const current = currentHolder && metric(currentHolder.metrics, rule.metric);
      // Nothing to beat: the first holder, or one that never reported the metric.
      if (current === undefined) return undefined;
      const better = rule.higherIsBetter ? value > current : value < current;
      return better ? undefined : `${rule.metric} is ${value}; the current holder has ${current}`;
    }
  }
}

function metric(metrics: Metrics, name: string): number | undefined {
  return Object.hasOwn(metrics, name) ? metrics[name] : undefined;
}

function compare(value: number, operator: '>=' | '>' | '<=' | '<', threshold: number): boolean {
  if (operator === '>=') return value >= threshold;
  if (operator === '>') return value > threshold;
  if (operator === '<=') return value <= threshold;
  return value < threshold;
}
