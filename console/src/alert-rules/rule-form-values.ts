import type { Schemas } from '../api/client';
import { fieldOf } from '../forms/field-of';

type Rule = Schemas['AlertRuleResponse'];
type Expr = Schemas['AlertExprRequest'];
export type Severity = NonNullable<Schemas['CreateAlertRuleRequest']['severity']>;

export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];
// The comparisons the API's `op` enum names, in the order the select shows them.
export const COMPARISONS: readonly Expr['op'][] = ['>', '>=', '<', '<=', '==', '!='];

/** `name=value` pairs, comma separated, as a filter object; what is not a pair is left for the API to refuse. */
export function parseFilter(text: string): Record<string, string> {
  const filter: Record<string, string> = {};
  for (const pair of text.split(',').map((part) => part.trim())) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    filter[at < 0 ? pair : pair.slice(0, at).trim()] = at < 0 ? '' : pair.slice(at + 1).trim();
  }
  return filter;
}

export const filterText = (filter: unknown): string =>
  typeof filter === 'object' && filter !== null
    ? Object.entries(filter)
        .map(([name, value]) => `${name}=${String(value)}`)
        .join(', ')
    : '';

/** The rule's condition in one line, as Prometheus would write it: `signal[window]{filter} op threshold`. */
export function conditionText(expr: Rule['expr']): string {
  const window = typeof expr.window === 'string' ? `[${expr.window}]` : '';
  const filter = filterText(expr.filter);
  return `${String(expr.signal)}${window}${filter === '' ? '' : `{${filter}}`} ${String(expr.op)} ${String(expr.threshold)}`;
}

/** The rule a submitted form describes, as the create and update routes take it. */
export function ruleOfForm(form: HTMLFormElement): Schemas['CreateAlertRuleRequest'] {
  const window = fieldOf(form, 'window').trim();
  const threshold = fieldOf(form, 'threshold').trim();
  return {
    name: fieldOf(form, 'name').trim(),
    // The condition goes as typed: the API checks it whole and names each field it refuses (a signal
    // outside its catalogue with the signals it knows), so the form does not narrow it to the types.
    expr: {
      signal: fieldOf(form, 'signal').trim(),
      ...(window !== '' && { window }),
      filter: parseFilter(fieldOf(form, 'filter')),
      op: fieldOf(form, 'op'),
      // A blank or non-numeric threshold goes as text, for the API to name in its refusal.
      threshold: threshold !== '' && Number.isFinite(Number(threshold)) ? Number(threshold) : threshold,
    } as Expr,
    for: fieldOf(form, 'for').trim() || '0s',
    severity: fieldOf(form, 'severity') as Severity,
  };
}
