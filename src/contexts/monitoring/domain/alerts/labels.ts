import type { FieldProblem } from '@libs/ddd';

export type Labels = Readonly<Record<string, string>>;

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/;
const MAX_LABELS = 30;
const MAX_VALUE_LENGTH = 1000;

/** Prometheus's label names, short string values, a bounded count. */
export function labelProblems(field: string, input: unknown): FieldProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ field, message: 'must be an object of strings' }];
  }
  const entries = Object.entries(input);
  if (entries.length > MAX_LABELS) return [{ field, message: `may hold at most ${MAX_LABELS} entries` }];
  return entries.flatMap(([name, value]) => {
    if (!LABEL_NAME.test(name)) return [{ field: `${field}.${name}`, message: 'is not a valid label name' }];
    return typeof value === 'string' && value.length <= MAX_VALUE_LENGTH
      ? []
      : [{ field: `${field}.${name}`, message: `must be a string of at most ${MAX_VALUE_LENGTH} characters` }];
  });
}

/** One key for one label set whatever the order of its entries: names an alert of a rule. */
export function fingerprintOf(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Fills `{{ $value }}` and `{{ $labels.<name> }}` in an annotation; unknown names become empty. */
export function renderTemplate(template: string, value: number | null, labels: Labels): string {
  return template.replace(
    /\{\{\s*\$(value|labels\.([a-zA-Z_][a-zA-Z0-9_]*))\s*\}\}/g,
    (_, what: string, name?: string) =>
      what === 'value' ? (value === null ? '' : String(Math.round(value * 1e4) / 1e4)) : (labels[name ?? ''] ?? ''),
  );
}
