import { describe, expect, it } from '@jest/globals';
import { FakeApiKeyRepository } from '../../../../../test/support/user-management/fake-stores.js';
import { ApiKey } from '../../domain/api-keys/api-key.js';
import { CachedApiKeyRepository } from './cached-api-key.repository.js';

const SECRET_HASH = 'hash-of-the-secret';

function aKey(): ApiKey {
  return ApiKey.issue({
    ownerId: 'user-1',
    projectId: 'project-1',
    name: 'scoring',
    permissions: ['prediction:invoke'],
    secretHash: SECRET_HASH,
    prefix: 'mlk_',
    createdBy: 'user-1',
    expiresAt: null,
    now: new Date(),
  });
}

/** What another process's revocation leaves in the database: the same key, revoked, read anew. */
function revokedElsewhere(stored: FakeApiKeyRepository, key: ApiKey): void {
  const copy = ApiKey.restore({ ...key.snapshot, revokedAt: new Date(), version: 2 });
  stored.byId.set(key.id, { key: copy, ownerActive: true, ownerIsAdmin: false });
}

function arrange(apiKeyCacheTtlMs = 60_000) {
  const stored = new FakeApiKeyRepository();
  const key = aKey();
  stored.add(ApiKey.restore({ ...key.snapshot, version: 1 }));
  return { stored, key, keys: new CachedApiKeyRepository(stored, { apiKeyCacheTtlMs }) };
}

describe('API keys kept by the hash of their secret', () => {
  it('answers what it read for the TTL: a key revoked through another process still passes until then', async () => {
    const { stored, key, keys } = arrange();
    expect((await keys.findBySecretHash(SECRET_HASH))?.key.isUsable(new Date())).toBe(true);

    revokedElsewhere(stored, key);

    expect((await keys.findBySecretHash(SECRET_HASH))?.key.isUsable(new Date())).toBe(true);
  });

  it('reads the key again at every request when the TTL is 0', async () => {
    const { stored, key, keys } = arrange(0);
    await keys.findBySecretHash(SECRET_HASH);

    revokedElsewhere(stored, key);

    expect((await keys.findBySecretHash(SECRET_HASH))?.key.isUsable(new Date())).toBe(false);
  });

  it('drops its copy when this process saves the key: a revocation here stops the key at once', async () => {
    const { stored, key, keys } = arrange();
    await keys.findBySecretHash(SECRET_HASH);
    const revoked = (await keys.findById(key.id))!;
    revoked.revoke(new Date());
    revokedElsewhere(stored, key);

    await keys.save(revoked);

    expect((await keys.findBySecretHash(SECRET_HASH))?.key.isUsable(new Date())).toBe(false);
  });

  it('does not remember an unknown secret: a key created next answers at once', async () => {
    const stored = new FakeApiKeyRepository();
    const keys = new CachedApiKeyRepository(stored, { apiKeyCacheTtlMs: 60_000 });
    expect(await keys.findBySecretHash(SECRET_HASH)).toBeUndefined();

    stored.add(aKey());

    expect(await keys.findBySecretHash(SECRET_HASH)).toBeDefined();
  });

  it('writes a key’s last use at most once a minute, however busy the key', async () => {
    const { stored, key, keys } = arrange();
    for (let request = 0; request < 50; request += 1) await keys.noteUse(key.id, new Date());
    expect(stored.uses).toEqual([key.id]);
  });
});
