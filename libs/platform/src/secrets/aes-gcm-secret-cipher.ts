import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretCipher, SecretNotOpened } from './secret-cipher.js';
import type { SecretsEncryptionKey } from './secrets-encryption-keys.js';

const PREFIX = 'enc:';
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
// NIST SP 800-38D: a random 96-bit nonce per value keeps collisions negligible for far more values than we store.
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM from node:crypto. A sealed value reads `enc:v1:<key id>:<base64url nonce|tag|ciphertext>`:
 * the key id says which key opens it, so keys rotate without rewriting every row at once.
 */
export class AesGcmSecretCipher extends SecretCipher {
  private readonly current: SecretsEncryptionKey;
  private readonly byId: ReadonlyMap<string, Buffer>;

  constructor(keys: readonly SecretsEncryptionKey[]) {
    super();
    if (keys.length === 0) throw new RangeError('AesGcmSecretCipher needs at least one key');
    this.current = keys[0];
    this.byId = new Map(keys.map(({ id, key }) => [id, key]));
  }

  seal(plaintext: string, boundTo: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.current.key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const payload = Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]).toString('base64url');
    return `${PREFIX}${VERSION}:${this.current.id}:${payload}`;
  }

  open(stored: string, boundTo: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const [, version, keyId, payload, ...rest] = stored.split(':');
    if (version !== VERSION || payload === undefined || rest.length > 0)
      throw new SecretNotOpened(`its format "${PREFIX}${version ?? ''}" is not one this version reads`);
    const key = this.byId.get(keyId);
    if (key === undefined)
      throw new SecretNotOpened(`it was sealed with key "${keyId}", which SECRETS_ENCRYPTION_KEYS does not list`);
    const bytes = Buffer.from(payload, 'base64url');
    if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new SecretNotOpened('the sealed value is truncated');
    try {
      const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SecretNotOpened(`key "${keyId}" does not open it: the key is wrong or the value was altered`);
    }
  }

  needsResealing(stored: string): boolean {
    return !stored.startsWith(`${PREFIX}${VERSION}:${this.current.id}:`);
  }
}
