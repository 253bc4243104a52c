/**
 * How long one readiness check may take. Probes (Kubernetes, load balancers) give up after a
 * second or two; a check waiting on a frozen dependency must answer "down" before that (ADR 0008).
 */
export const READINESS_CHECK_DEADLINE_MS = 1500;

export class CheckTimedOut extends Error {
  constructor(readonly afterMs: number) {
    super(`no answer within ${afterMs} ms`);
    this.name = CheckTimedOut.name;
  }
}

/** `work`'s result, or a CheckTimedOut rejection once `ms` have passed (the work itself goes on). */
export function withinDeadline<T>(work: Promise<T>, ms = READINESS_CHECK_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimedOut(ms)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
