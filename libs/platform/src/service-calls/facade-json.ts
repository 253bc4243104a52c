// JSON has no dates: a Date crosses as { "$date": ISO text } and is a Date again on the other side.
const DATE_TAG = '$date';

/**
 * A facade's arguments or result as JSON text, dates kept as dates. An undefined result is `null`
 * here; the HTTP binding answers it as 404 instead (docs/adr/0704).
 */
export function encodeFacadeValue(value: unknown): string {
  return JSON.stringify(value ?? null, function (this: Record<string, unknown>, key: string, converted: unknown) {
    // JSON.stringify has called Date#toJSON before the replacer sees the value: the holder still has the Date.
    const original = this[key];
    return original instanceof Date ? { [DATE_TAG]: original.toISOString() } : converted;
  });
}

/** The value `encodeFacadeValue` wrote, from its text. */
export function decodeFacadeValue<T>(text: string): T {
  return reviveDates(JSON.parse(text)) as T;
}

/** The same for a body already parsed as JSON: its tagged dates become Dates again. */
export function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveDates);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0][0] === DATE_TAG && typeof entries[0][1] === 'string') {
    const date = new Date(entries[0][1]);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, reviveDates(inner)]));
}
