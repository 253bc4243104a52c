import { availableParallelism } from 'node:os';
import { ConfigError, EnvReader } from '@libs/platform';

type Env = Record<string, string | undefined>;

/** What every process serving HTTP needs to check access tokens, hosted context or not. */
export interface AccessConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly accessTokenTtlSeconds: number;
  readonly sessionIdleSeconds: number;
  /** How long a process trusts what it read of an API key (and its owner's role) before reading again; 0: never. */
  readonly apiKeyCacheTtlMs: number;
}

/** The rest of user-management's settings, read where the context is hosted. */
export interface UserManagementConfig extends AccessConfig {
  readonly sessionLifetimeSeconds: number;
  readonly signingKeyRotationDays: number;
  readonly keyEncryptionSecret: string;
  readonly selfSignUp: boolean;
  readonly bcryptCost: number;
  readonly bcryptThreads: number;
  readonly login: LoginDefenceConfig;
  readonly authRateLimitPerMinute: number;
  readonly admin?: { readonly email: string; readonly password: string };
}

export interface LoginDefenceConfig {
  readonly accountMaxFailures: number;
  readonly ipMaxFailures: number;
  readonly lockBaseSeconds: number;
  readonly lockMaxSeconds: number;
  readonly failureWindowSeconds: number;
}

// Outside production a fixed secret keeps `npm test` and local runs free of set-up; production
// must bring its own (the boot fails naming the variable).
const DEVELOPMENT_KEY_SECRET = 'development-only-key-encryption-secret-not-for-production';
const MIN_SECRET_LENGTH = 32;

export function readAccessConfig(env: Env): AccessConfig {
  const read = new EnvReader(env);
  return {
    issuer: read.string('AUTH_ISSUER', 'mlops-platform'),
    audience: read.string('AUTH_AUDIENCE', 'mlops-platform-api'),
    accessTokenTtlSeconds: read.integer('AUTH_ACCESS_TOKEN_TTL_SECONDS', 900, 30, 3600),
    // Checked wherever requests are authenticated, so it is part of the settings every process reads.
    sessionIdleSeconds: read.integer('AUTH_SESSION_IDLE_SECONDS', 12 * 3600, 300),
    // Bounds how long a revoked key, a deactivated owner or a removed membership still lets a key in.
    apiKeyCacheTtlMs: read.integer('AUTH_API_KEY_CACHE_TTL_MS', 5000, 0, 60_000),
  };
}

export function readUserManagementConfig(env: Env): UserManagementConfig {
  const read = new EnvReader(env);
  const production = read.string('NODE_ENV', 'production') === 'production';
  const keyEncryptionSecret = read.string(
    'AUTH_KEY_ENCRYPTION_SECRET',
    production ? undefined : DEVELOPMENT_KEY_SECRET,
  );
  if (keyEncryptionSecret.length < MIN_SECRET_LENGTH)
    throw new ConfigError('AUTH_KEY_ENCRYPTION_SECRET', `must have at least ${MIN_SECRET_LENGTH} characters`);
  const adminEmail = env.ADMIN_EMAIL?.trim();
  const adminPassword = env.ADMIN_PASSWORD;
  if (adminEmail && !adminPassword) throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set');
  return {
    ...readAccessConfig(env),
    sessionLifetimeSeconds: read.integer('AUTH_SESSION_LIFETIME_SECONDS', 30 * 24 * 3600, 300),
    signingKeyRotationDays: read.integer('AUTH_SIGNING_KEY_ROTATION_DAYS', 30, 1, 365),
    keyEncryptionSecret,
    selfSignUp: read.boolean('AUTH_SELF_SIGNUP', false),
    bcryptCost: read.integer('BCRYPT_COST', 12, 4, 15),
    bcryptThreads: read.integer('BCRYPT_THREADS', availableParallelism(), 1, 64),
    login: {
      accountMaxFailures: read.integer('LOGIN_MAX_FAILURES', 5, 1, 1000),
      ipMaxFailures: read.integer('LOGIN_IP_MAX_FAILURES', 50, 1, 100_000),
      lockBaseSeconds: read.integer('LOGIN_LOCK_BASE_SECONDS', 30, 1, 86_400),
      lockMaxSeconds: read.integer('LOGIN_LOCK_MAX_SECONDS', 900, 1, 86_400),
      failureWindowSeconds: read.integer('LOGIN_FAILURE_WINDOW_SECONDS', 900, 1, 86_400),
    },
    authRateLimitPerMinute: read.integer('AUTH_RATE_LIMIT_PER_MINUTE', 60, 1, 1_000_000),
    ...(adminEmail && adminPassword && { admin: { email: adminEmail, password: adminPassword } }),
  };
}

export const ACCESS_CONFIG = Symbol('USER_MANAGEMENT_ACCESS_CONFIG');
export const USER_MANAGEMENT_CONFIG = Symbol('USER_MANAGEMENT_CONFIG');
