import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Logger, type FactoryProvider } from '@nestjs/common';
import { AesGcmSecretCipher } from './aes-gcm-secret-cipher.js';
import { secretCipherProvider } from './secret-cipher.provider.js';
import { loadSecretsEncryptionSettings } from './secrets-encryption-keys.js';

// The factory builds the cipher synchronously; Nest's type allows a promise too.
const cipherOf = (env: Record<string, string>): AesGcmSecretCipher => {
  const provider = secretCipherProvider(loadSecretsEncryptionSettings(env, { required: true })) as FactoryProvider;
  return (provider.useFactory as () => AesGcmSecretCipher)();
};

describe('secretCipherProvider', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('warns at boot that the development key seals, and says nothing with configured keys', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    expect(cipherOf({ NODE_ENV: 'development' })).toBeInstanceOf(AesGcmSecretCipher);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/SECRETS_ENCRYPTION_KEYS is not set.*development key/));
    warn.mockClear();
    cipherOf({ SECRETS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}` });
    expect(warn).not.toHaveBeenCalled();
  });
});
