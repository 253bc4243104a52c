import { ConfigError } from '../config/config-error.js';

/** One AES-256 key of SECRETS_ENCRYPTION_KEYS and the id written beside what it sealed. */
export interface SecretsEncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

export interface SecretsEncryptionSettings {
  /**
   * The first seals, every one opens: a new key goes first, an old one stays until nothing uses it.
   * None in production where the variable is unset and no hosted context seals secrets.
   */
  readonly keys: readonly SecretsEncryptionKey[];
  /** No key was configured outside production: the fixed development key is in use (logged at boot). */
  readonly developmentKey: boolean;
}

const VARIABLE = 'SECRETS_ENCRYPTION_KEYS';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const KEY_BYTES = 32;
// Outside production a fixed, plainly named key keeps tests and `npm run local` free of set-up; the
// boot warns about it, and production refuses to start without a real one.
const DEVELOPMENT_KEY: SecretsEncryptionKey = { id: 'dev', key: Buffer.from('development-only-key-not-secret!') };
const HOW_TO_MAKE_ONE = 'e.g. k1:$(openssl rand -base64 32)';

/**
 * Reads SECRETS_ENCRYPTION_KEYS, a comma list of `id:base64 key` (32 bytes each). Messages name the
 * variable and the entry's position or id, never a key. `required`: the process hosts a context that
 * seals secrets, so production cannot go without.
 */
export function loadSecretsEncryptionSettings(
  env: Record<string, string | undefined>,
  { required }: { readonly required: boolean },
): SecretsEncryptionSettings {
  const raw = env[VARIABLE]?.trim();
  if (!raw) {
    if ((env.NODE_ENV?.trim() || 'production') !== 'production')
      return { keys: [DEVELOPMENT_KEY], developmentKey: true };
    if (required)
      throw new ConfigError(
        VARIABLE,
        `is required when NODE_ENV=production in a process hosting a context that seals secrets (${HOW_TO_MAKE_ONE})`,
      );
    return { keys: [], developmentKey: false };
  }
  const keys = raw.split(',').map((entry, index) => parseKey(entry.trim(), index + 1));
  const ids = keys.map((key) => key.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) throw new ConfigError(VARIABLE, `names key id "${repeated}" twice`);
  return { keys, developmentKey: false };
}

function parseKey(entry: string, position: number): SecretsEncryptionKey {
  const separator = entry.indexOf(':');
  const id = entry.slice(0, separator);
  const encoded = entry.slice(separator + 1);
  if (separator < 0 || !KEY_ID.test(id))
    throw new ConfigError(VARIABLE, `entry ${position} must be id:base64key, the id of letters, digits, - or _`);
  const key = Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64');
  if (!BASE64.test(encoded) || key.length !== KEY_BYTES)
    throw new ConfigError(VARIABLE, `key "${id}" must be ${KEY_BYTES} bytes in base64 (${HOW_TO_MAKE_ONE})`);
  return { id, key };
}
