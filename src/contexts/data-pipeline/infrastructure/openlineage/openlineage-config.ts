import { ConfigError, EnvReader } from '@libs/platform';
import { readBreakerSettings, type BreakerSettings, type OutboundPolicy } from '@libs/outbound';
import { OpenLineageSettings } from '../../application/ports/openlineage-endpoint.js';

type Env = Record<string, string | undefined>;

/** Time an attempt may take beyond its request timeout before its claim lapses. */
const LEASE_MARGIN_MS = 30_000;

/**
 * OPENLINEAGE_* settings, checked at boot: forwarding is off while OPENLINEAGE_URL is empty. The
 * URL is refused at boot when the outbound policy refuses it on its face (scheme, a private address
 * written in it); its resolved address is checked again on every attempt.
 */
export class OpenLineageConfig extends OpenLineageSettings {
  private constructor(
    readonly url: URL | undefined,
    readonly apiKey: string | undefined,
    readonly maxAttempts: number,
    readonly retryBaseMs: number,
    readonly pollIntervalMs: number,
    readonly timeoutMs: number,
    /** OPENLINEAGE_BREAKER_*: the endpoint's circuit breaker. */
    readonly breaker: BreakerSettings,
  ) {
    super();
  }

  get enabled(): boolean {
    return this.url !== undefined;
  }

  get leaseMs(): number {
    return this.timeoutMs + LEASE_MARGIN_MS;
  }

  static fromEnv(env: Env, policy: OutboundPolicy): OpenLineageConfig {
    const read = new EnvReader(env);
    const raw = env.OPENLINEAGE_URL?.trim();
    let url: URL | undefined;
    if (raw) {
      const problem = policy.literalProblem(read.url('OPENLINEAGE_URL', ['http:', 'https:']));
      if (problem !== undefined)
        throw new ConfigError('OPENLINEAGE_URL', `is refused by the outbound policy: ${problem}`);
      url = new URL(raw);
    }
    return new OpenLineageConfig(
      url,
      env.OPENLINEAGE_API_KEY?.trim() || undefined,
      read.integer('OPENLINEAGE_MAX_ATTEMPTS', 10, 1, 100),
      read.integer('OPENLINEAGE_RETRY_BASE_MS', 1000, 1, 3_600_000),
      read.integer('OPENLINEAGE_POLL_INTERVAL_MS', 1000, 10, 600_000),
      read.integer('OPENLINEAGE_TIMEOUT_MS', 10_000, 100, 600_000),
      readBreakerSettings(read, 'OPENLINEAGE'),
    );
  }
}
