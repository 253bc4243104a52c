import { ConfigError } from './config-error.js';
import { loadSecretsEncryptionSettings } from '../secrets/secrets-encryption-keys.js';
import { loadServiceCallSettings } from '../service-calls/service-call-settings.js';
import { EnvReader } from './env-reader.js';
import { APP_ROLES, LOG_LEVELS, type PlatformConfig } from './platform-config.js';

/**
 * Reads and validates every setting (ARCHITECTURE section 7). `knownContexts` and `sealingSecrets`
 * (the contexts that seal stored secrets; by default, any might) come from the composition root, so
 * this library never names a context.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  knownContexts: readonly string[],
  sealingSecrets: readonly string[] = knownContexts,
): PlatformConfig {
  const read = new EnvReader(env);
  const contexts = selectContexts(read.list('APP_CONTEXTS', ['all']), knownContexts);
  return {
    nodeEnv: read.string('NODE_ENV', 'production'),
    port: read.integer('PORT', 3000, 0, 65535),
    host: read.string('HOST', '0.0.0.0'),
    databaseUrl: read.url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: read.integer('DATABASE_POOL_SIZE', 10, 1, 500),
    redisUrl: read.url('REDIS_URL', ['redis:', 'rediss:']),
    redisCommandTimeoutMs: read.integer('REDIS_COMMAND_TIMEOUT_MS', 1000, 10, 60_000),
    contexts,
    role: read.oneOf('APP_ROLE', APP_ROLES, 'all'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    bodyLimitBytes: read.integer('BODY_LIMIT_BYTES', 1_048_576, 1024),
    corsOrigins: read.list('CORS_ORIGINS', []),
    consoleDir: read.string('CONSOLE_DIR', 'dist/console'),
    trustedProxies: read.addresses('TRUSTED_PROXIES'),
    runMigrationsOnStart: read.boolean('MIGRATIONS_RUN_ON_START', false),
    shutdownTimeoutMs: read.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0),
    events: {
      outboxListen: read.boolean('OUTBOX_LISTEN', true),
      outboxPollIntervalMs: read.integer('OUTBOX_POLL_INTERVAL_MS', 1000, 10),
      outboxLingerMs: read.integer('OUTBOX_LINGER_MS', 10, 0, 1000),
      outboxBatchSize: read.integer('OUTBOX_BATCH_SIZE', 500, 1, 10_000),
      consumerBatchSize: read.integer('EVENTS_CONSUMER_BATCH_SIZE', 100, 1, 10_000),
      consumerBlockMs: read.integer('EVENTS_CONSUMER_BLOCK_MS', 2000, 10),
      retryIdleMs: read.integer('EVENTS_RETRY_IDLE_MS', 10_000, 10),
      maxDeliveries: read.integer('EVENTS_MAX_DELIVERIES', 5, 1, 1000),
      streamMaxLength: read.integer('EVENTS_STREAM_MAX_LENGTH', 1_000_000, 1000),
      streamRetentionHours: read.integer('EVENTS_STREAM_RETENTION_HOURS', 168, 1),
    },
    readiness: {
      maxOutboxBacklog: read.integer('READINESS_MAX_OUTBOX_BACKLOG', 10_000, 1),
      maxConsumerLag: read.integer('READINESS_MAX_CONSUMER_LAG', 10_000, 1),
    },
    serviceCalls: loadServiceCallSettings(env),
    secretsEncryption: loadSecretsEncryptionSettings(env, {
      required: contexts.some((context) => sealingSecrets.includes(context)),
    }),
  };
}

function selectContexts(requested: string[], known: readonly string[]): string[] {
  if (requested.length === 1 && requested[0] === 'all') return [...known];
  const unknown = requested.filter((name) => !known.includes(name));
  if (unknown.length > 0 || requested.length === 0) {
    throw new ConfigError(
      'APP_CONTEXTS',
      `names unknown context(s) ${unknown.join(', ') || '(none)'}; valid: all, ${known.join(', ')}`,
    );
  }
  return [...new Set(requested)];
}
