import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { AesGcmSecretCipher } from './aes-gcm-secret-cipher.js';
import { SecretNotOpened } from './secret-cipher.js';

const OLD = { id: 'k1', key: randomBytes(32) };
const NEW = { id: 'k2', key: randomBytes(32) };
const ROW = 'monitoring.webhook_subscriptions.secret:0193';

describe('AesGcmSecretCipher', () => {
  it('opens what it sealed, and never writes the plaintext', () => {
    const cipher = new AesGcmSecretCipher([OLD]);
    const sealed = cipher.seal('whsec_abc', ROW);
    expect(sealed).toMatch(/^enc:v1:k1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('whsec_abc');
    expect(cipher.open(sealed, ROW)).toBe('whsec_abc');
  });

  it('seals the same value differently every time (a nonce per value)', () => {
    const cipher = new AesGcmSecretCipher([OLD]);
    expect(cipher.seal('same', ROW)).not.toBe(cipher.seal('same', ROW));
  });

  it('returns a value written before encryption as it is, and wants it resealed', () => {
    const cipher = new AesGcmSecretCipher([OLD]);
    expect(cipher.open('https://hooks.slack.com/services/T/B/x', ROW)).toBe('https://hooks.slack.com/services/T/B/x');
    expect(cipher.needsResealing('whsec_plain')).toBe(true);
  });

  it('refuses a value sealed under a key of the same id with other bytes: the key is wrong', () => {
    const sealed = new AesGcmSecretCipher([OLD]).seal('whsec_abc', ROW);
    const wrong = new AesGcmSecretCipher([{ id: 'k1', key: randomBytes(32) }]);
    expect(() => wrong.open(sealed, ROW)).toThrow(SecretNotOpened);
    expect(() => wrong.open(sealed, ROW)).toThrow(
      /key "k1" does not open it: the key is wrong or the value was altered/,
    );
  });

  it('names a key id it does not have', () => {
    const sealed = new AesGcmSecretCipher([OLD]).seal('whsec_abc', ROW);
    expect(() => new AesGcmSecretCipher([NEW]).open(sealed, ROW)).toThrow(
      /sealed with key "k1", which SECRETS_ENCRYPTION_KEYS does not list/,
    );
  });

  it('refuses a tampered ciphertext, a truncated one, an unknown format and a value moved to another row', () => {
    const cipher = new AesGcmSecretCipher([OLD]);
    const sealed = cipher.seal('whsec_abc', ROW);
    const bytes = Buffer.from(sealed.split(':')[3], 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(() => cipher.open(`enc:v1:k1:${bytes.toString('base64url')}`, ROW)).toThrow(/altered/);
    expect(() => cipher.open('enc:v1:k1:AAAA', ROW)).toThrow(/truncated/);
    expect(() => cipher.open(sealed.replace('enc:v1:', 'enc:v9:'), ROW)).toThrow(/format "enc:v9"/);
    expect(() => cipher.open(sealed, 'monitoring.webhook_subscriptions.secret:other')).toThrow(SecretNotOpened);
  });

  it('rotates: the first key seals, an older one still opens, and its values want resealing', () => {
    const before = new AesGcmSecretCipher([OLD]);
    const after = new AesGcmSecretCipher([NEW, OLD]);
    const old = before.seal('whsec_old', ROW);
    expect(after.open(old, ROW)).toBe('whsec_old');
    expect(after.needsResealing(old)).toBe(true);
    const resealed = after.seal(after.open(old, ROW), ROW);
    expect(resealed).toMatch(/^enc:v1:k2:/);
    expect(after.needsResealing(resealed)).toBe(false);
    expect(() => before.open(resealed, ROW)).toThrow(SecretNotOpened);
  });
});
