/** What a person reading a blocked task needs of each check: its name, outcome, what was measured and against what. */
export function blockingCheckText(check: {
  readonly name: string;
  readonly outcome: string;
  readonly observedValue: number | null;
  readonly threshold: string;
}): string {
  const observed = check.observedValue === null ? 'nothing measured' : `observed ${check.observedValue}`;
  return `"${check.name}" ${check.outcome} (${observed}, threshold ${check.threshold})`;
}
