import { newId, ValidationError, type FieldProblem } from '@libs/ddd';
import type { Labels } from '../alerts/labels.js';
import { matchesAll, parseMatchers, type Matcher } from './matcher.js';

const MAX_EQUAL = 10;

/**
 * Alertmanager's inhibition: while an alert matching `sourceMatchers` fires, alerts matching
 * `targetMatchers` that carry the same values of the `equal` labels are not told (a cluster-down
 * alert mutes the per-service ones it explains). An alert never inhibits itself.
 */
export interface InhibitionRule {
  readonly id: string;
  readonly projectId: string;
  readonly sourceMatchers: readonly Matcher[];
  readonly targetMatchers: readonly Matcher[];
  readonly equal: readonly string[];
  readonly createdBy: string;
  readonly createdAt: Date;
}

export class InhibitionRuleInvalid extends ValidationError {
  constructor(problems: readonly FieldProblem[]) {
    super(
      `The inhibition rule is invalid: ${problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`,
      problems,
      'inhibition-rule-invalid',
    );
  }
}

export function createInhibitionRule(input: {
  projectId: string;
  sourceMatchers: unknown;
  targetMatchers: unknown;
  equal?: readonly string[];
  createdBy: string;
  at: Date;
}): InhibitionRule {
  const source = parseMatchers('sourceMatchers', input.sourceMatchers);
  const target = parseMatchers('targetMatchers', input.targetMatchers);
  const problems = [...source.problems, ...target.problems];
  // Empty matchers would match every alert: a rule that mutes everything while anything fires.
  if (source.problems.length === 0 && source.matchers.length === 0) {
    problems.push({ field: 'sourceMatchers', message: 'must not be empty' });
  }
  if (target.problems.length === 0 && target.matchers.length === 0) {
    problems.push({ field: 'targetMatchers', message: 'must not be empty' });
  }
  const equal = input.equal ?? [];
  if (equal.length > MAX_EQUAL || equal.some((name) => !/^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/.test(name))) {
    problems.push({ field: 'equal', message: `must list at most ${MAX_EQUAL} label names` });
  }
  if (problems.length > 0) throw new InhibitionRuleInvalid(problems);
  return {
    id: newId(),
    projectId: input.projectId,
    sourceMatchers: source.matchers,
    targetMatchers: target.matchers,
    equal: [...new Set(equal)],
    createdBy: input.createdBy,
    createdAt: input.at,
  };
}

export interface FiringAlert {
  readonly fingerprint: string;
  readonly labels: Labels;
}

/** Whether some firing alert, other than the target itself, inhibits the target under some rule. */
export function isInhibited(
  target: FiringAlert,
  firing: readonly FiringAlert[],
  rules: readonly InhibitionRule[],
): boolean {
  return rules.some(
    (rule) =>
      matchesAll(rule.targetMatchers, target.labels) &&
      firing.some(
        (source) =>
          source.fingerprint !== target.fingerprint &&
          matchesAll(rule.sourceMatchers, source.labels) &&
          rule.equal.every((name) => (source.labels[name] ?? '') === (target.labels[name] ?? '')),
      ),
  );
}
