/** A check of a suite as submitted: the API types the suite as an open object, so fields are read with care. */
export type SuiteCheck = Readonly<Record<string, unknown>>;

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const list = (value: unknown) => (Array.isArray(value) ? value.map(text).join(', ') : text(value));

/** The column (or columns) a check is about; undefined for the checks of the whole table. */
export function columnOf(check: SuiteCheck | undefined): string | undefined {
  if (check === undefined) return undefined;
  if (typeof check.column === 'string') return check.column;
  if (Array.isArray(check.columns)) return list(check.columns);
  return undefined;
}

function bounds(check: SuiteCheck): string {
  const { min, max } = check;
  if (min !== undefined && max !== undefined) return `between ${text(min)} and ${text(max)}`;
  return min !== undefined ? `at least ${text(min)}` : `at most ${text(max)}`;
}

/** What a check expects, in a sentence, as Data Docs renders an expectation. */
export function expectationText(kind: string, check: SuiteCheck | undefined): string {
  if (check === undefined) return kind;
  const column = columnOf(check) ?? '';
  switch (kind) {
    case 'not_null':
      return `${column} is never null`;
    case 'unique':
      return `${column} is unique`;
    case 'accepted_values':
      return `${column} is one of ${list(check.values)}`;
    case 'between':
      return `${column} is ${bounds(check)}`;
    case 'regex':
      return `${column} matches ${text(check.pattern)} entirely`;
    case 'relationships':
      return `${column} is found in ${text(check.reference)} (${list(check.referenceColumns)})`;
    case 'custom_sql':
      return `every row satisfies ${text(check.expression)}`;
    case 'row_count_between':
      return `the table has ${bounds(check)} rows`;
    case 'schema':
      return check.allowAdditiveColumns === true
        ? 'the table has the expected schema, extra columns allowed'
        : 'the table has exactly the expected schema';
    case 'freshness':
      return `the newest ${column} is at most ${text(check.maxAgeSeconds)} s old`;
    case 'psi_drift':
      return `${column} has a population stability index against ${text(check.reference)} of at most ${text(check.maxPsi)}`;
    case 'ks_drift':
      return `${column} does not drift from ${text(check.reference)} (Kolmogorov-Smirnov)`;
    default:
      return kind;
  }
}
