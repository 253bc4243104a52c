import { ValidationError, type FieldProblem } from '@libs/ddd';

/**
 * What a budget is counted per: the API key or user making the request, the project it
 * addresses, the route template (all callers together) or the deployment it calls.
 */
export const RATE_LIMIT_SCOPES = ['api-key', 'user', 'project', 'route', 'deployment'] as const;

export type RateLimitScope = (typeof RATE_LIMIT_SCOPES)[number];

/** At most `limit` cost units per `windowSeconds`, in a sliding window, per subject of `scope`. */
export interface RateLimitPolicy {
  readonly scope: RateLimitScope;
  readonly limit: number;
  readonly windowSeconds: number;
}

export const MAX_LIMIT = 1_000_000;
export const MAX_WINDOW_SECONDS = 86_400;

/** The policies as given, or a ValidationError naming each bad one; one policy per scope. */
export function checkPolicies(policies: readonly RateLimitPolicy[], field = 'limits'): RateLimitPolicy[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  policies.forEach((policy, index) => {
    const at = `${field}[${index}]`;
    if (!(RATE_LIMIT_SCOPES as readonly string[]).includes(policy.scope))
      problems.push({ field: `${at}.scope`, message: `must be one of ${RATE_LIMIT_SCOPES.join(', ')}` });
    if (!Number.isInteger(policy.limit) || policy.limit < 1 || policy.limit > MAX_LIMIT)
      problems.push({ field: `${at}.limit`, message: `must be a whole number from 1 to ${MAX_LIMIT}` });
    if (
      !Number.isInteger(policy.windowSeconds) ||
      policy.windowSeconds < 1 ||
      policy.windowSeconds > MAX_WINDOW_SECONDS
    )
      problems.push({
        field: `${at}.windowSeconds`,
        message: `must be a whole number from 1 to ${MAX_WINDOW_SECONDS}`,
      });
    if (seen.has(policy.scope)) problems.push({ field: `${at}.scope`, message: 'is given twice' });
    seen.add(policy.scope);
  });
  if (problems.length > 0) throw new ValidationError('The rate limits are not valid', problems);
  return policies.map(({ scope, limit, windowSeconds }) => ({ scope, limit, windowSeconds }));
}

/**
 * The policies a project's request is held to: the configured defaults, each replaced by the
 * project's own policy of the same scope, plus the project's policies of other scopes.
 */
export function effectivePolicies(
  defaults: readonly RateLimitPolicy[],
  project: readonly RateLimitPolicy[],
): RateLimitPolicy[] {
  const overridden = new Set(project.map((policy) => policy.scope));
  return [...defaults.filter((policy) => !overridden.has(policy.scope)), ...project];
}
