import { resolve } from 'node:path';
import { readBreakerSettings } from '@libs/outbound';
import { ConfigError, EnvReader } from '@libs/platform';
import { STORAGE_DRIVERS, type StorageConfig, type StorageDriver } from './storage-config.js';

type Env = Readonly<Record<string, string | undefined>>;
const MIB = 1024 * 1024;
// S3's own rules for bucket names (the dotted and legacy forms aside).
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Reads the storage settings (STORAGE_*, S3_*) and fails on the first bad one, naming it.
 * A relative STORAGE_DIR is taken from `cwd`.
 */
export function loadStorageConfig(env: Env, cwd = process.cwd()): StorageConfig {
  const driver = read(env, 'STORAGE_DRIVER', 'filesystem');
  if (!isDriver(driver)) {
    throw new ConfigError('STORAGE_DRIVER', `must be one of ${STORAGE_DRIVERS.join(', ')}, got "${driver}"`);
  }
  if (driver === 'filesystem') {
    return { driver: 'filesystem', directory: resolve(cwd, read(env, 'STORAGE_DIR', '.data/objects')) };
  }
  const bucket = read(env, 'S3_BUCKET', '');
  if (!bucket) throw new ConfigError('S3_BUCKET', 'is required when STORAGE_DRIVER is s3');
  if (!BUCKET_NAME.test(bucket)) {
    throw new ConfigError('S3_BUCKET', `must be 3-63 of a-z 0-9 . -, got "${bucket}"`);
  }
  return {
    driver: 's3',
    bucket,
    region: read(env, 'S3_REGION', read(env, 'AWS_REGION', 'us-east-1')),
    endpoint: optionalUrl(env, 'S3_ENDPOINT'),
    publicEndpoint: optionalUrl(env, 'S3_PUBLIC_ENDPOINT') ?? optionalUrl(env, 'S3_ENDPOINT'),
    forcePathStyle: boolean(env, 'S3_FORCE_PATH_STYLE', false),
    credentials: credentials(env),
    // Each upload holds (queue size + 1) parts: 15 MiB by default.
    partSizeBytes: integer(env, 'S3_PART_SIZE_MB', 5, 5, 5120) * MIB,
    queueSize: integer(env, 'S3_UPLOAD_QUEUE_SIZE', 2, 1, 16),
    breaker: readBreakerSettings(new EnvReader({ ...env }), 'S3'),
  };
}

function isDriver(value: string): value is StorageDriver {
  return (STORAGE_DRIVERS as readonly string[]).includes(value);
}

function read(env: Env, name: string, fallback: string): string {
  return env[name]?.trim() || fallback;
}

function optionalUrl(env: Env, name: string): string | undefined {
  const value = read(env, name, '');
  if (!value) return undefined;
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new ConfigError(name, `is not a valid URL, got "${value}"`);
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new ConfigError(name, 'must use http: or https:');
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const value = read(env, name, String(fallback)).toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(name, `must be true or false, got "${value}"`);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** Both keys or neither: with neither, the SDK's default credential chain applies. */
function credentials(env: Env): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined {
  const accessKeyId = read(env, 'S3_ACCESS_KEY_ID', '');
  const secretAccessKey = read(env, 'S3_SECRET_ACCESS_KEY', '');
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId) throw new ConfigError('S3_ACCESS_KEY_ID', 'is required when S3_SECRET_ACCESS_KEY is set');
  if (!secretAccessKey) throw new ConfigError('S3_SECRET_ACCESS_KEY', 'is required when S3_ACCESS_KEY_ID is set');
  const sessionToken = read(env, 'S3_SESSION_TOKEN', '') || undefined;
  return { accessKeyId, secretAccessKey, sessionToken };
}
