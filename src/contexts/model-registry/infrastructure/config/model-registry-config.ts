import { EnvReader } from '@libs/platform';

type Env = Record<string, string | undefined>;

export interface ModelRegistryConfig {
  readonly artifactMaxBytes: number;
  readonly artifactUrlTtlSeconds: number;
}

const GIB = 1024 ** 3;

/** MODEL_ARTIFACT_* settings, checked at boot; each failure names its variable. */
export function readModelRegistryConfig(env: Env): ModelRegistryConfig {
  const read = new EnvReader(env);
  return {
    artifactMaxBytes: read.integer('MODEL_ARTIFACT_MAX_BYTES', 10 * GIB, 1),
    // SigV4 presigned URLs live at most seven days.
    artifactUrlTtlSeconds: read.integer('MODEL_ARTIFACT_URL_TTL_SECONDS', 900, 1, 604_800),
  };
}

export const MODEL_REGISTRY_CONFIG = Symbol('MODEL_REGISTRY_CONFIG');
