import type { RateLimitPolicy, RateLimitScope } from './rate-limit-policy.js';

/**
 * Who calls: a user, or an API key (named by the SHA-256 of its secret, which every process can
 * compute from the request alone, so a gateway forwarding the request counts it in the same budget
 * as a process serving it; its user need not be known).
 */
export interface Caller {
  readonly kind: 'user' | 'api-key';
  readonly userId?: string;
  readonly apiKeyId?: string;
  /**
   * True for a credential nobody has checked yet (an API key a gateway forwards, checked by the
   * instance serving the route): it draws on its own budget only, else anyone with made-up keys
   * could spend a project's, a route's or a deployment's budget on requests that are then refused.
   */
  readonly unchecked?: boolean;
}

/** What the gateway knows of a request once its caller is known. */
export interface RequestFacts {
  readonly principal: Caller;
  /** The project the request addresses, when the route names one. */
  readonly projectId?: string;
  /** `METHOD /route/:template`. */
  readonly route: string;
  /** The deployment the request calls, when it calls one. */
  readonly deploymentId?: string;
}

// The scopes whose budget is the caller's own.
const CALLER_SCOPES: ReadonlySet<RateLimitScope> = new Set(['api-key', 'user']);

/** One budget a request draws on: the policy and the subject it is counted for. */
export interface RateLimitSubject {
  readonly policy: RateLimitPolicy;
  readonly subject: string;
}

/**
 * The subject of each policy that applies to the request. A policy whose subject the request
 * does not have (an API-key policy for a user's request, a deployment policy for a route that
 * calls none) does not apply, nor does a shared one to an unchecked caller.
 */
export function rateLimitSubjects(facts: RequestFacts, policies: readonly RateLimitPolicy[]): RateLimitSubject[] {
  return policies.flatMap((policy) => {
    if (facts.principal.unchecked && !CALLER_SCOPES.has(policy.scope)) return [];
    const subject = subjectOf(policy.scope, facts);
    return subject === undefined ? [] : [{ policy, subject }];
  });
}

function subjectOf(scope: RateLimitScope, facts: RequestFacts): string | undefined {
  switch (scope) {
    case 'api-key':
      return facts.principal.kind === 'api-key' ? facts.principal.apiKeyId : undefined;
    case 'user':
      return facts.principal.kind === 'user' ? facts.principal.userId : undefined;
    case 'project':
      return facts.projectId;
    case 'route':
      return facts.route;
    case 'deployment':
      return facts.deploymentId;
  }
}

/** The deployment a prediction route calls: by id, or by name within the project (Open Inference Protocol). */
export function deploymentOf(
  params: Readonly<Record<string, string | undefined>>,
  projectId: string | undefined,
): string | undefined {
  if (params.deploymentId) return params.deploymentId;
  if (params.model && projectId) return `${projectId}/${params.model}`;
  return undefined;
}
