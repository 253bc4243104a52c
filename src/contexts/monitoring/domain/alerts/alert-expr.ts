import type { FieldProblem } from '@libs/ddd';
import { parseDuration } from './duration.js';
import { isSignalName, PLATFORM_SIGNALS, SIGNAL_NAMES, SIGNALS, type SignalName } from './signal.catalogue.js';

export const COMPARISONS = ['>', '>=', '<', '<=', '==', '!='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** A typed condition: `signal` over `window`, narrowed by `filter`, compared with `threshold`. */
export interface AlertExpr {
  readonly signal: SignalName;
  readonly window?: string;
  readonly filter: Readonly<Record<string, string>>;
  readonly op: Comparison;
  readonly threshold: number;
}

const MAX_WINDOW_MS = 30 * 86_400_000;

/** The expression in `input`, or the problems that make it one no evaluator can run. */
export function parseAlertExpr(input: unknown, global: boolean): AlertExpr | FieldProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ field: 'expr', message: 'must be an object { signal, window?, filter?, op, threshold }' }];
  }
  const { signal, window, filter = {}, op, threshold, ...rest } = input as Record<string, unknown>;
  const problems: FieldProblem[] = Object.keys(rest).map((key) => ({
    field: `expr.${key}`,
    message: 'is not allowed',
  }));
  if (!isSignalName(signal)) {
    return [...problems, { field: 'expr.signal', message: `must be one of ${SIGNAL_NAMES.join(', ')}` }];
  }
  const spec = SIGNALS[signal];
  if (!global && PLATFORM_SIGNALS.includes(signal)) {
    problems.push({
      field: 'expr.signal',
      message: `${signal} watches the whole platform: only global rules may use it`,
    });
  }
  problems.push(...windowProblems(spec.window, window), ...filterProblems(spec.filters, filter));
  if (!(COMPARISONS as readonly unknown[]).includes(op)) {
    problems.push({ field: 'expr.op', message: `must be one of ${COMPARISONS.join(' ')}` });
  }
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
    problems.push({ field: 'expr.threshold', message: 'must be a finite number' });
  }
  if (problems.length > 0) return problems;
  return {
    signal,
    ...(typeof window === 'string' ? { window } : {}),
    filter: filter as Record<string, string>,
    op: op as Comparison,
    threshold: threshold as number,
  };
}

function windowProblems(needed: boolean, window: unknown): FieldProblem[] {
  if (!needed) return window === undefined ? [] : [{ field: 'expr.window', message: 'is not used by this signal' }];
  const ms = typeof window === 'string' ? parseDuration(window) : undefined;
  if (ms === undefined || ms <= 0 || ms > MAX_WINDOW_MS) {
    return [{ field: 'expr.window', message: 'must be a duration such as 30s, 5m or 1h, at most 30d' }];
  }
  return [];
}

function filterProblems(allowed: readonly string[], filter: unknown): FieldProblem[] {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    return [{ field: 'expr.filter', message: 'must be an object of strings' }];
  }
  return Object.entries(filter).flatMap(([key, value]) => {
    if (!allowed.includes(key)) {
      return [{ field: `expr.filter.${key}`, message: `is not a filter of this signal (${allowed.join(', ')})` }];
    }
    return typeof value === 'string' && value.length > 0 && value.length <= 200
      ? []
      : [{ field: `expr.filter.${key}`, message: 'must be a non-empty string' }];
  });
}

/** Whether a sampled value meets the condition. */
export function conditionMet(expr: AlertExpr, value: number): boolean {
  switch (expr.op) {
    case '>':
      return value > expr.threshold;
    case '>=':
      return value >= expr.threshold;
    case '<':
      return value < expr.threshold;
    case '<=':
      return value <= expr.threshold;
    case '==':
      return value === expr.threshold;
    case '!=':
      return value !== expr.threshold;
  }
}

/** The window in milliseconds (0 for a signal without one). */
export function windowMs(expr: AlertExpr): number {
  return expr.window === undefined ? 0 : (parseDuration(expr.window) ?? 0);
}
