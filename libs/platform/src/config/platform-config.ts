import type { SecretsEncryptionSettings } from '../secrets/secrets-encryption-keys.js';
import type { ServiceCallSettings } from '../service-calls/service-call-settings.js';

export const APP_ROLES = ['api', 'worker', 'all'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every setting of the process, read once from the environment at boot. */
export interface PlatformConfig {
  readonly nodeEnv: string;
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly redisUrl: string;
  /** How long a request-path Redis command may take before it fails (ADR 0008). */
  readonly redisCommandTimeoutMs: number;
  readonly contexts: readonly string[];
  readonly role: AppRole;
  readonly logLevel: LogLevel;
  readonly bodyLimitBytes: number;
  readonly corsOrigins: readonly string[];
  /** Where the built web console is (Vite's output), served under /console; relative to the working directory. */
  readonly consoleDir: string;
  /** Addresses and CIDRs of the proxies whose X-Forwarded-* headers are believed; empty trusts none. */
  readonly trustedProxies: readonly string[];
  readonly runMigrationsOnStart: boolean;
  readonly shutdownTimeoutMs: number;
  readonly events: EventBusConfig;
  readonly readiness: ReadinessConfig;
  readonly serviceCalls: ServiceCallSettings;
  /** The keys that seal stored secrets (docs/adr/0015). */
  readonly secretsEncryption: SecretsEncryptionSettings;
}

export interface EventBusConfig {
  readonly outboxListen: boolean;
  readonly outboxPollIntervalMs: number;
  /** The least time between the starts of two relay passes of one outbox (OutboxRelayOptions.lingerMs). */
  readonly outboxLingerMs: number;
  readonly outboxBatchSize: number;
  readonly consumerBatchSize: number;
  readonly consumerBlockMs: number;
  readonly retryIdleMs: number;
  readonly maxDeliveries: number;
  readonly streamMaxLength: number;
  readonly streamRetentionHours: number;
}

export interface ReadinessConfig {
  readonly maxOutboxBacklog: number;
  readonly maxConsumerLag: number;
}

export const hostsHttp = (role: AppRole): boolean => role !== 'worker';
export const hostsWorkers = (role: AppRole): boolean => role !== 'api';
