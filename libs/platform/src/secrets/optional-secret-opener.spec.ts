import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { AesGcmSecretCipher } from './aes-gcm-secret-cipher.js';
import { OptionalSecretOpener } from './optional-secret-opener.js';
import { SecretCipher } from './secret-cipher.js';

const ROW = 'monitoring.webhook_subscriptions.secret:0193';
const OTHER_ROW = 'monitoring.webhook_subscriptions.secret:0194';

describe('OptionalSecretOpener', () => {
  const old = new AesGcmSecretCipher([{ id: 'k1', key: randomBytes(32) }]);
  const current = new AesGcmSecretCipher([{ id: 'k2', key: randomBytes(32) }]);

  it('opens what a configured key opens', () => {
    const opener = new OptionalSecretOpener(current, { error: () => undefined });
    expect(opener.open(current.seal('whsec_abc', ROW), ROW)).toBe('whsec_abc');
  });

  it('answers undefined for a value no configured key opens, logging it once per row', () => {
    const errors: string[] = [];
    const opener = new OptionalSecretOpener(current, { error: (message: string) => errors.push(message) });
    const sealed = old.seal('whsec_abc', ROW);
    expect(opener.open(sealed, ROW)).toBeUndefined();
    expect(opener.open(sealed, ROW)).toBeUndefined();
    expect(opener.open(old.seal('whsec_def', OTHER_ROW), OTHER_ROW)).toBeUndefined();
    expect(errors).toEqual([
      `${ROW} is read without its secret: A stored secret could not be decrypted: it was sealed with key "k1", which SECRETS_ENCRYPTION_KEYS does not list`,
      `${OTHER_ROW} is read without its secret: A stored secret could not be decrypted: it was sealed with key "k1", which SECRETS_ENCRYPTION_KEYS does not list`,
    ]);
    expect(errors.join()).not.toContain('whsec_');
  });

  it('lets any other failure through', () => {
    class BrokenCipher extends SecretCipher {
      seal(): string {
        throw new TypeError('a bug');
      }
      open(): string {
        throw new TypeError('a bug');
      }
      needsResealing(): boolean {
        return false;
      }
    }
    expect(() => new OptionalSecretOpener(new BrokenCipher(), { error: () => undefined }).open('x', ROW)).toThrow(
      TypeError,
    );
  });
});
