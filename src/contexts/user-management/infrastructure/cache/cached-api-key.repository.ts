import { LRUCache } from 'lru-cache';
import type { ApiKey } from '../../domain/api-keys/api-key.js';
import { ApiKeyRepository, type ApiKeyCredential } from '../../domain/api-keys/api-key.repository.js';
import type { AccessConfig } from '../config/user-management-config.js';

// Keys in use by this process; past it the least recently used are read again.
const MAX_KEYS = 10_000;
// The database keeps last_used_at to the minute, so this process writes it at most once a minute per key.
const NOTE_USE_EVERY_MS = 60_000;

/**
 * API keys as requests present them, kept by the hash of their secret for `AUTH_API_KEY_CACHE_TTL_MS`
 * (docs/adr/0506), so a scoring client's request reads no key row. The key's own checks (expiry,
 * revocation, the owner's status) still run on every request against what was read: a key revoked
 * in this process stops at once, one revoked through another process (or an owner deactivated)
 * within the TTL. Unknown secrets are not remembered: a key answers as soon as it is created.
 * It wraps the stored keys (the module binds it over the TypeORM repository).
 */
export class CachedApiKeyRepository extends ApiKeyRepository {
  private readonly credentials?: LRUCache<string, ApiKeyCredential>;
  private readonly noted = new LRUCache<string, number>({ max: MAX_KEYS, ttl: NOTE_USE_EVERY_MS });
  // Bumped by every save: a read that began before it may hold the old row, so is not kept.
  private generation = 0;

  constructor(
    private readonly keys: ApiKeyRepository,
    config: Pick<AccessConfig, 'apiKeyCacheTtlMs'>,
  ) {
    super();
    if (config.apiKeyCacheTtlMs > 0) this.credentials = new LRUCache({ max: MAX_KEYS, ttl: config.apiKeyCacheTtlMs });
  }

  async findBySecretHash(secretHash: string): Promise<ApiKeyCredential | undefined> {
    const known = this.credentials?.get(secretHash);
    if (known) return known;
    const generation = this.generation;
    const found = await this.keys.findBySecretHash(secretHash);
    if (found && generation === this.generation) this.credentials?.set(secretHash, found);
    return found;
  }

  findById(id: string): Promise<ApiKey | undefined> {
    return this.keys.findById(id);
  }

  listOwnedBy(ownerIds: readonly string[]): Promise<ApiKey[]> {
    return this.keys.listOwnedBy(ownerIds);
  }

  async save(key: ApiKey): Promise<void> {
    this.forget(key.snapshot.id);
    await this.keys.save(key);
  }

  async noteUse(id: string, now: Date): Promise<void> {
    if (this.noted.has(id)) return;
    this.noted.set(id, now.getTime());
    await this.keys.noteUse(id, now);
  }

  private forget(keyId: string): void {
    this.generation += 1;
    if (!this.credentials) return;
    for (const [hash, credential] of this.credentials.entries())
      if (credential.key.snapshot.id === keyId) this.credentials.delete(hash);
  }
}
