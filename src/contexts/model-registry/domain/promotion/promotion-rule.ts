import { ValidationError, type FieldProblem } from '@libs/ddd';

export const METRIC_OPERATORS = ['>=', '>', '<=', '<'] as const;
export type MetricOperator = (typeof METRIC_OPERATORS)[number];

/** What a promotion policy may require of the version an alias is about to name. */
export type PromotionRule =
  | { readonly rule: 'approved' }
  | {
      readonly rule: 'metric-threshold';
      readonly metric: string;
      readonly operator: MetricOperator;
      readonly value: number;
    }
  | { readonly rule: 'metric-better-than-current'; readonly metric: string; readonly higherIsBetter: boolean }
  | { readonly rule: 'lineage-complete' }
  | { readonly rule: 'model-card-final' };

export const PROMOTION_RULE_NAMES = [
  'approved',
  'metric-threshold',
  'metric-better-than-current',
  'lineage-complete',
  'model-card-final',
] as const;

const MAX_RULES = 20;
const METRIC_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;

/** How a failed rule is named in a refusal, so a reader sees which threshold was missed. */
export function ruleLabel(rule: PromotionRule): string {
  switch (rule.rule) {
    case 'metric-threshold':
      return `metric ${rule.metric} ${rule.operator} ${rule.value}`;
    case 'metric-better-than-current':
      return `metric ${rule.metric} better than the current holder's`;
    default:
      return rule.rule;
  }
}

/** Checks rules arriving as plain JSON; every problem is reported at once. */
export function checkedRules(rules: readonly PromotionRule[]): PromotionRule[] {
  const problems: FieldProblem[] = [];
  if (rules.length > MAX_RULES) problems.push({ field: 'rules', message: `at most ${MAX_RULES} rules` });
  rules.forEach((rule, index) => {
    const problem = ruleProblem(rule);
    if (problem) problems.push({ field: `rules[${index}]`, message: problem });
  });
  if (problems.length > 0) throw new ValidationError('The promotion policy is invalid', problems);
  return rules.map((rule) => ({ ...rule }));
}

function ruleProblem(rule: PromotionRule): string | undefined {
  if (!(PROMOTION_RULE_NAMES as readonly string[]).includes(rule.rule)) {
    return `rule must be one of ${PROMOTION_RULE_NAMES.join(', ')}`;
  }
  if (rule.rule === 'metric-threshold' || rule.rule === 'metric-better-than-current') {
    if (typeof rule.metric !== 'string' || !METRIC_NAME.test(rule.metric)) return 'metric must name a metric';
  }
  if (rule.rule === 'metric-threshold') {
    if (!(METRIC_OPERATORS as readonly string[]).includes(rule.operator)) {
      return `operator must be one of ${METRIC_OPERATORS.join(' ')}`;
    }
    if (typeof rule.value !== 'number' || !Number.isFinite(rule.value)) return 'value must be a finite number';
  }
  if (rule.rule === 'metric-better-than-current' && typeof rule.higherIsBetter !== 'boolean') {
    return 'higherIsBetter must be true or false';
  }
  return undefined;
}
