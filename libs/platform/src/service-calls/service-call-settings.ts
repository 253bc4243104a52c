import { ConfigError } from '../config/config-error.js';
import { EnvReader } from '../config/env-reader.js';

/** Injection token of the ServiceCallSettings, provided by the platform module in every process. */
export const SERVICE_CALL_SETTINGS = Symbol('SERVICE_CALL_SETTINGS');

/** How the processes of one installation authenticate their facade calls to each other (docs/adr/0704). */
export interface ServiceCallSettings {
  /** The secret shared by every process; undefined: this process neither makes nor takes facade calls. */
  readonly secret: string | undefined;
  /** How far a call's signing time may be from this process's clock: the window a captured call could be replayed in. */
  readonly maxSkewMs: number;
}

// 256 bits of a random hex or base64 string: an HMAC key shorter than its hash's output is weaker than the hash.
const MINIMUM_SECRET_LENGTH = 32;

export function loadServiceCallSettings(env: Record<string, string | undefined>): ServiceCallSettings {
  const read = new EnvReader(env);
  const secret = env.SERVICE_CALL_SECRET?.trim() || undefined;
  if (secret !== undefined && secret.length < MINIMUM_SECRET_LENGTH)
    throw new ConfigError('SERVICE_CALL_SECRET', `must be at least ${MINIMUM_SECRET_LENGTH} characters`);
  return { secret, maxSkewMs: read.integer('SERVICE_CALL_MAX_SKEW_MS', 30_000, 1000, 300_000) };
}
