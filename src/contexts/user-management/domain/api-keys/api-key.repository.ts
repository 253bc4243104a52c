import type { ApiKey } from './api-key.js';

/** What a request presenting a key needs, in one lookup. */
export interface ApiKeyCredential {
  readonly key: ApiKey;
  readonly ownerActive: boolean;
  readonly ownerIsAdmin: boolean;
}

/** Port: API keys, found by the hash of their secret. */
export abstract class ApiKeyRepository {
  abstract findBySecretHash(secretHash: string): Promise<ApiKeyCredential | undefined>;
  abstract findById(id: string): Promise<ApiKey | undefined>;
  abstract listOwnedBy(ownerIds: readonly string[]): Promise<ApiKey[]>;
  abstract save(key: ApiKey): Promise<void>;
  /** Best effort, throttled by the adapter: a lost update only makes `lastUsedAt` a little old. */
  abstract noteUse(id: string, now: Date): Promise<void>;
}
