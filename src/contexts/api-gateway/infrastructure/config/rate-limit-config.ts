import { ValidationError } from '@libs/ddd';
import { ConfigError, EnvReader } from '@libs/platform';
import { RateLimitSettings } from '../../application/ports/rate-limit-settings.js';
import { checkPolicies, RATE_LIMIT_SCOPES, type RateLimitPolicy } from '../../domain/rate-limits/rate-limit-policy.js';

type Env = Record<string, string | undefined>;

export const RATE_LIMIT_CONFIG = Symbol('RATE_LIMIT_CONFIG');

// Generous enough that no interactive client meets them; operators tighten them per installation.
const DEFAULT_LIMITS = 'api-key:6000/60,user:6000/60';
const POLICY = /^([a-z-]+):(\d+)\/(\d+)$/;
const WEIGHT = /^([A-Z]+ \/\S*)=(\d+)$/;

/** RATE_LIMIT_* settings, checked at boot (README, configuration). */
export class RateLimitConfig extends RateLimitSettings {
  private constructor(
    readonly enabled: boolean,
    readonly defaults: readonly RateLimitPolicy[],
    private readonly weights: ReadonlyMap<string, number>,
    readonly policyCacheSeconds: number,
  ) {
    super();
  }

  static fromEnv(env: Env): RateLimitConfig {
    const read = new EnvReader(env);
    return new RateLimitConfig(
      read.boolean('RATE_LIMIT_ENABLED', true),
      parsePolicies(read.list('RATE_LIMITS', DEFAULT_LIMITS.split(','))),
      parseWeights(read.list('RATE_LIMIT_ROUTE_WEIGHTS', [])),
      read.integer('RATE_LIMIT_POLICY_CACHE_SECONDS', 30, 0, 3600),
    );
  }

  weightOf(route: string): number {
    return this.weights.get(route) ?? 1;
  }
}

/** `scope:limit/windowSeconds`, e.g. `api-key:100/60`; `none` for no default limits. */
function parsePolicies(entries: readonly string[]): RateLimitPolicy[] {
  if (entries.length === 1 && entries[0] === 'none') return [];
  const policies = entries.map((entry) => {
    const match = POLICY.exec(entry);
    if (!match || !(RATE_LIMIT_SCOPES as readonly string[]).includes(match[1]))
      throw new ConfigError(
        'RATE_LIMITS',
        `must list scope:limit/windowSeconds with a scope of ${RATE_LIMIT_SCOPES.join(', ')}, got "${entry}"`,
      );
    return { scope: match[1] as RateLimitPolicy['scope'], limit: Number(match[2]), windowSeconds: Number(match[3]) };
  });
  try {
    return checkPolicies(policies, 'RATE_LIMITS');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const problems = error.errors ?? [];
    throw new ConfigError('RATE_LIMITS', problems.map((problem) => `${problem.field} ${problem.message}`).join('; '));
  }
}

/** `METHOD /route/:template=weight`, e.g. `POST /api/v1/deployments/:id/predict=2`. */
function parseWeights(entries: readonly string[]): Map<string, number> {
  return new Map(
    entries.map((entry) => {
      const match = WEIGHT.exec(entry);
      const weight = Number(match?.[2]);
      if (!match || weight < 1 || weight > 10_000)
        throw new ConfigError(
          'RATE_LIMIT_ROUTE_WEIGHTS',
          `must list METHOD /route/:template=weight with a weight from 1 to 10000, got "${entry}"`,
        );
      return [match[1], weight];
    }),
  );
}
