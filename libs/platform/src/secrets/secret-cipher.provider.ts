import { Logger, type Provider } from '@nestjs/common';
import { AesGcmSecretCipher } from './aes-gcm-secret-cipher.js';
import { SecretCipher } from './secret-cipher.js';
import type { SecretsEncryptionSettings } from './secrets-encryption-keys.js';

/** The process's SecretCipher; says so at boot when it seals with the development key. */
export function secretCipherProvider(settings: SecretsEncryptionSettings): Provider {
  return {
    provide: SecretCipher,
    useFactory: () => {
      if (settings.developmentKey)
        new Logger('SecretCipher').warn(
          'SECRETS_ENCRYPTION_KEYS is not set: stored secrets are sealed with the fixed development key, which is public; set it outside development',
        );
      return new AesGcmSecretCipher(settings.keys);
    },
  };
}
