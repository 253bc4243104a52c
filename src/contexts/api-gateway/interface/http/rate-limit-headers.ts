import type { AdmissionResult } from '../../application/admit-request/admit-request.command.js';

/**
 * The IETF draft's fields (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy` lists every
 * budget the request drew on (`q` units per `w` seconds); `RateLimit` reports the one with the
 * fewest units left (`r`), and the seconds until some of it comes back (`t`).
 */
export function rateLimitHeaders(admission: AdmissionResult): Record<string, string> {
  if (admission.length === 0) return {};
  const policy = admission.map(({ policy }) => `"${policy.scope}";q=${policy.limit};w=${policy.windowSeconds}`);
  const tightest = admission.reduce((low, use) => (use.decision.remaining < low.decision.remaining ? use : low));
  const { remaining, resetSeconds } = tightest.decision;
  return {
    'ratelimit-policy': policy.join(', '),
    ratelimit: `"${tightest.policy.scope}";r=${remaining};t=${resetSeconds}`,
  };
}
