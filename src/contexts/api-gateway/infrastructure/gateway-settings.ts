import { hostname } from 'node:os';
import { EnvReader, type PlatformConfig } from '@libs/platform';

/** The service registry's and the router's settings (README, Split deployments). */
export interface GatewaySettings {
  /** Where other processes reach this one; by default its own HOST and PORT. */
  readonly publicUrl: string;
  readonly version: string;
  readonly heartbeatMs: number;
  readonly instanceTtlMs: number;
  readonly registryPollMs: number;
  readonly tryTimeoutMs: number;
  readonly maxRetries: number;
  readonly retryBudgetRatio: number;
  readonly retryBudgetMinimum: number;
  readonly retryBudgetWindowMs: number;
  readonly breakerFailureRatio: number;
  readonly breakerWindowCalls: number;
  readonly breakerMinimumCalls: number;
  readonly breakerHalfOpenAfterMs: number;
  /** What user-management's access tokens carry as `iss` and `aud` (its AUTH_ISSUER, AUTH_AUDIENCE), to verify them here. */
  readonly accessTokenIssuer: string;
  readonly accessTokenAudience: string;
}

export function loadGatewaySettings(env: Record<string, string | undefined>, config: PlatformConfig): GatewaySettings {
  const read = new EnvReader(env);
  const heartbeatMs = read.integer('GATEWAY_HEARTBEAT_MS', 2000, 50, 60_000);
  return {
    publicUrl: read.url('APP_PUBLIC_URL', ['http:', 'https:'], defaultPublicUrl(config)).replace(/\/+$/, ''),
    version: read.string('APP_VERSION', env.npm_package_version ?? 'unknown'),
    heartbeatMs,
    // Three missed heartbeats, not one: a pause of the event loop or of Redis must not drop a live instance.
    instanceTtlMs: read.integer('GATEWAY_INSTANCE_TTL_MS', heartbeatMs * 3, heartbeatMs * 2, 600_000),
    registryPollMs: read.integer('GATEWAY_REGISTRY_POLL_MS', 1000, 50, 60_000),
    tryTimeoutMs: read.integer('GATEWAY_TRY_TIMEOUT_MS', 30_000, 10, 600_000),
    maxRetries: read.integer('GATEWAY_MAX_RETRIES', 2, 0, 10),
    retryBudgetRatio: read.integer('GATEWAY_RETRY_BUDGET_PERCENT', 20, 0, 100) / 100,
    retryBudgetMinimum: read.integer('GATEWAY_RETRY_BUDGET_MIN', 3, 0, 1000),
    retryBudgetWindowMs: 10_000,
    breakerFailureRatio: read.integer('GATEWAY_BREAKER_FAILURE_PERCENT', 50, 1, 100) / 100,
    breakerWindowCalls: read.integer('GATEWAY_BREAKER_WINDOW_CALLS', 20, 1, 10_000),
    breakerMinimumCalls: read.integer('GATEWAY_BREAKER_MINIMUM_CALLS', 5, 1, 10_000),
    breakerHalfOpenAfterMs: read.integer('GATEWAY_BREAKER_HALF_OPEN_MS', 5000, 10, 600_000),
    // The same variables and defaults as user-management's own: one installation, one issuer.
    accessTokenIssuer: read.string('AUTH_ISSUER', 'mlops-platform'),
    accessTokenAudience: read.string('AUTH_AUDIENCE', 'mlops-platform-api'),
  };
}

// A wildcard bind address is no address to call: the host's name is, as in a container network.
function defaultPublicUrl(config: PlatformConfig): string {
  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  const host = wildcard ? hostname() : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}
