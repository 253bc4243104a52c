const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

const SHORT = /^(\d{1,9})(ms|s|m|h|d|w)$/;
// Years and months have no fixed length, so an age measured in them would be ambiguous: only weeks, days and time.
// The lookaheads refuse `P`, `PT` and `P1DT`, which name no length.
const ISO =
  /^P(?=\d|T\d)(?:(\d{1,9})W)?(?:(\d{1,9})D)?(?:T(?=\d)(?:(\d{1,9})H)?(?:(\d{1,9})M)?(?:(\d{1,9}(?:\.\d{1,3})?)S)?)?$/;

/**
 * A JSON Schema pattern for the durations `durationMs` reads, so a workflow definition is refused
 * when saved rather than when its task runs: `6h`, `90s`, `1500ms`, `2d`, `P1DT12H`, `PT30M`.
 */
export const DURATION_PATTERN =
  '^(\\d{1,9}(ms|s|m|h|d|w)|P(?=\\d|T\\d)(\\d{1,9}W)?(\\d{1,9}D)?(T(?=\\d)(\\d{1,9}H)?(\\d{1,9}M)?(\\d{1,9}(\\.\\d{1,3})?S)?)?)$';

/** Milliseconds of a duration written as `<n><unit>` or ISO-8601 (weeks, days, hours, minutes, seconds); undefined otherwise or when empty. */
export function durationMs(text: string): number | undefined {
  const short = SHORT.exec(text);
  if (short) return Number(short[1]) * UNIT_MS[short[2] as keyof typeof UNIT_MS];
  const iso = ISO.exec(text);
  if (!iso) return undefined;
  const [weeks, days, hours, minutes, seconds] = iso.slice(1).map((part) => Number(part ?? 0));
  return Math.round(
    weeks * UNIT_MS.w + days * UNIT_MS.d + hours * UNIT_MS.h + minutes * UNIT_MS.m + seconds * UNIT_MS.s,
  );
}
