import { describe, expect, it } from '@jest/globals';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const known = ['alpha', 'beta'];
const base = {
  DATABASE_URL: 'postgres://localhost/db',
  REDIS_URL: 'redis://localhost:6379',
  SECRETS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(base, known);
    expect(config.port).toBe(3000);
    expect(config.role).toBe('all');
    expect(config.contexts).toEqual(known);
  });

  it('names the missing variable', () => {
    expect(() => loadConfig({ REDIS_URL: base.REDIS_URL }, known)).toThrow(/DATABASE_URL is required/);
  });

  it('will not start in production without the keys that seal stored secrets', () => {
    const { SECRETS_ENCRYPTION_KEYS: _keys, ...withoutKeys } = base;
    expect(() => loadConfig(withoutKeys, known)).toThrow(
      /SECRETS_ENCRYPTION_KEYS is required when NODE_ENV=production/,
    );
    expect(loadConfig({ ...withoutKeys, NODE_ENV: 'development' }, known).secretsEncryption.developmentKey).toBe(true);
  });

  it('needs those keys in production only where a hosted context seals secrets', () => {
    const { SECRETS_ENCRYPTION_KEYS: _keys, ...withoutKeys } = base;
    expect(() => loadConfig(withoutKeys, known, ['beta'])).toThrow(/SECRETS_ENCRYPTION_KEYS is required/);
    expect(loadConfig({ ...withoutKeys, APP_CONTEXTS: 'alpha' }, known, ['beta']).secretsEncryption.keys).toEqual([]);
    expect(loadConfig(withoutKeys, known, []).secretsEncryption.keys).toEqual([]);
  });

  it('lists the valid contexts when one is unknown', () => {
    expect(() => loadConfig({ ...base, APP_CONTEXTS: 'nonsense' }, known)).toThrow(
      /APP_CONTEXTS names unknown context\(s\) nonsense; valid: all, alpha, beta/,
    );
  });

  it('hosts only the contexts named', () => {
    expect(loadConfig({ ...base, APP_CONTEXTS: 'beta, beta' }, known).contexts).toEqual(['beta']);
  });

  it.each([
    ['PORT', 'eighty'],
    ['APP_ROLE', 'janitor'],
    ['REDIS_URL', 'http://localhost'],
    ['OUTBOX_LISTEN', 'maybe'],
    ['OUTBOX_LINGER_MS', '5000'],
    ['TRUSTED_PROXIES', '10.0.0.1, proxy.internal'],
    ['TRUSTED_PROXIES', '10.0.0.0/33'],
    ['SECRETS_ENCRYPTION_KEYS', 'k1:tooshort'],
  ])('refuses a bad %s', (variable, value) => {
    const attempt = () => loadConfig({ ...base, [variable]: value }, known);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(variable));
  });

  it('trusts no proxy unless told, and takes addresses and CIDR ranges', () => {
    expect(loadConfig(base, known).trustedProxies).toEqual([]);
    expect(loadConfig({ ...base, TRUSTED_PROXIES: '10.0.0.0/8, ::1,192.168.1.7' }, known).trustedProxies).toEqual([
      '10.0.0.0/8',
      '::1',
      '192.168.1.7',
    ]);
  });
});
