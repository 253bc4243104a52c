import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../config/config-error.js';
import { loadSecretsEncryptionSettings } from './secrets-encryption-keys.js';

const key = () => randomBytes(32).toString('base64');
const sealing = { required: true };

describe('loadSecretsEncryptionSettings', () => {
  it('stops a production boot of a process that seals secrets without keys, saying how to make one', () => {
    for (const env of [{}, { NODE_ENV: 'production', SECRETS_ENCRYPTION_KEYS: ' ' }]) {
      expect(() => loadSecretsEncryptionSettings(env, sealing)).toThrow(
        /SECRETS_ENCRYPTION_KEYS is required when NODE_ENV=production in a process hosting a context that seals secrets \(e\.g\. k1:\$\(openssl rand -base64 32\)\)/,
      );
    }
  });

  it('lets a production process that seals no secret go without keys, and without the development key', () => {
    expect(loadSecretsEncryptionSettings({}, { required: false })).toEqual({ keys: [], developmentKey: false });
  });

  it('uses the development key, and says so, outside production', () => {
    const settings = loadSecretsEncryptionSettings({ NODE_ENV: 'test' }, sealing);
    expect(settings.developmentKey).toBe(true);
    expect(settings.keys.map(({ id, key }) => [id, key.length])).toEqual([['dev', 32]]);
  });

  it('keeps the order of the list: the first key seals', () => {
    const [first, second] = [randomBytes(32), randomBytes(32)];
    const settings = loadSecretsEncryptionSettings(
      {
        SECRETS_ENCRYPTION_KEYS: `k2:${first.toString('base64')}, k1:${second.toString('base64url')}`,
      },
      sealing,
    );
    expect(settings).toEqual({
      keys: [
        { id: 'k2', key: first },
        { id: 'k1', key: second },
      ],
      developmentKey: false,
    });
  });

  it.each([
    ['no id', key(), /entry 1 must be id:base64key/],
    ['a bad id', `k 1:${key()}`, /entry 1 must be id:base64key/],
    ['a short key', `k1:${randomBytes(16).toString('base64')}`, /key "k1" must be 32 bytes in base64/],
    ['no base64', `k1:${'!'.repeat(44)}`, /key "k1" must be 32 bytes in base64/],
    ['an id twice', `k1:${key()},k1:${key()}`, /names key id "k1" twice/],
  ])('refuses %s, naming the variable and never the key', (_case, value, message) => {
    const attempt = () => loadSecretsEncryptionSettings({ SECRETS_ENCRYPTION_KEYS: value }, sealing);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain(value.split(':')[1]?.slice(0, 12) || value);
    }
  });
});
