import { AggregateRoot, newId, type FieldProblem } from '@libs/ddd';
import { parseAlertExpr, type AlertExpr } from './alert-expr.js';
import { parseDuration } from './duration.js';
import { AlertRuleInvalid } from './errors.js';
import { labelProblems, type Labels } from './labels.js';

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

const MAX_NAME_LENGTH = 200;
const MAX_HOLD_MS = 7 * 86_400_000;

export interface AlertRuleState {
  readonly id: string;
  /** Null for a global rule (admin only), which watches every project. */
  readonly projectId: string | null;
  readonly name: string;
  readonly expr: AlertExpr;
  readonly for: string;
  readonly keepFiringFor: string;
  readonly severity: Severity;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What a rule's author may change; absent fields stay as they are. Unknown shapes are checked here. */
export interface AlertRuleChanges {
  readonly name?: string;
  readonly expr?: unknown;
  readonly for?: string;
  readonly keepFiringFor?: string;
  readonly severity?: string;
  readonly labels?: unknown;
  readonly annotations?: unknown;
}

export interface NewAlertRule extends AlertRuleChanges {
  readonly projectId: string | null;
  readonly name: string;
  readonly expr: unknown;
  readonly createdBy: string;
  readonly at: Date;
}

/** An alert rule: a typed condition over a platform signal, and how long it must hold to fire. */
export class AlertRule extends AggregateRoot<string> {
  private constructor(private state: AlertRuleState) {
    super(state.id);
  }

  static create(input: NewAlertRule): AlertRule {
    const draft = {
      id: newId(),
      projectId: input.projectId,
      createdBy: input.createdBy,
      createdAt: input.at,
      updatedAt: input.at,
    };
    return new AlertRule(
      validated(draft.projectId === null, {
        ...draft,
        name: input.name,
        expr: input.expr,
        for: input.for ?? '0s',
        keepFiringFor: input.keepFiringFor ?? '0s',
        severity: input.severity ?? 'warning',
        labels: input.labels ?? {},
        annotations: input.annotations ?? {},
      }),
    );
  }

  static restore(state: AlertRuleState): AlertRule {
    return new AlertRule(state);
  }

  get snapshot(): AlertRuleState {
    return this.state;
  }

  get projectId(): string | null {
    return this.state.projectId;
  }

  get forMs(): number {
    return parseDuration(this.state.for) ?? 0;
  }

  get keepFiringForMs(): number {
    return parseDuration(this.state.keepFiringFor) ?? 0;
  }

  change(changes: AlertRuleChanges, at: Date): void {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    this.state = validated(this.state.projectId === null, { ...this.state, ...defined, updatedAt: at });
  }
}

type Draft = Omit<AlertRuleState, 'expr' | 'severity' | 'labels' | 'annotations'> & {
  readonly expr: unknown;
  readonly severity: string;
  readonly labels: unknown;
  readonly annotations: unknown;
};

function validated(global: boolean, draft: Draft): AlertRuleState {
  const problems: FieldProblem[] = [];
  const name = draft.name.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    problems.push({ field: 'name', message: `must be 1 to ${MAX_NAME_LENGTH} characters` });
  }
  const expr = parseAlertExpr(draft.expr, global);
  if (Array.isArray(expr)) problems.push(...expr);
  problems.push(...holdProblems('for', draft.for), ...holdProblems('keepFiringFor', draft.keepFiringFor));
  if (!(SEVERITIES as readonly string[]).includes(draft.severity)) {
    problems.push({ field: 'severity', message: `must be one of ${SEVERITIES.join(', ')}` });
  }
  problems.push(...labelProblems('labels', draft.labels), ...labelProblems('annotations', draft.annotations));
  if (problems.length > 0 || Array.isArray(expr)) throw new AlertRuleInvalid(problems);
  return {
    ...draft,
    name,
    expr,
    severity: draft.severity as Severity,
    labels: draft.labels as Labels,
    annotations: draft.annotations as Labels,
  };
}

function holdProblems(field: string, text: string): FieldProblem[] {
  const ms = parseDuration(text);
  return ms === undefined || ms > MAX_HOLD_MS
    ? [{ field, message: 'must be a duration such as 0s, 30s or 5m, at most 7d' }]
    : [];
}
