/**
 * Named places where the reliability tests kill the process (ARCHITECTURE section 9).
 * `CRASH_POINTS=outbox.after-xadd,...` makes the process SIGKILL itself on reaching one;
 * unset, this is a single Set lookup.
 */
const armed = new Set(
  (process.env.CRASH_POINTS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
);

export function crashPoint(name: string): void {
  if (armed.has(name)) process.kill(process.pid, 'SIGKILL');
}
