/** What the balancer knows of one instance able to serve a request. */
export interface UpstreamCandidate {
  readonly id: string;
  /** Requests sent to it whose answer has not ended yet. */
  readonly outstanding: number;
  /** False while its breaker is open: a call would be refused without reaching it. */
  readonly accepting: boolean;
}

/**
 * Least outstanding requests (Envoy's least-request): of the instances whose breaker accepts
 * calls and that this request has not tried yet, the one with the fewest answers pending; ties go
 * to the earliest listed. An instance already tried is taken again only when no other accepts.
 */
export function chooseUpstream<T extends UpstreamCandidate>(
  candidates: readonly T[],
  tried: ReadonlySet<string> = new Set(),
): T | undefined {
  const accepting = candidates.filter((candidate) => candidate.accepting);
  const untried = accepting.filter((candidate) => !tried.has(candidate.id));
  const pool = untried.length > 0 ? untried : accepting;
  let best: T | undefined;
  for (const candidate of pool) if (best === undefined || candidate.outstanding < best.outstanding) best = candidate;
  return best;
}
