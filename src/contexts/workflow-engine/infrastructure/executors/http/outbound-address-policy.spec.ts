import { describe, expect, it } from '@jest/globals';
import { OutboundAddressPolicy, type OutboundRules, type Resolve } from './outbound-address-policy.js';

const resolvingTo =
  (...addresses: string[]): Resolve =>
  () =>
    Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const));

const STRICT: OutboundRules = {
  allowedSchemes: ['https', 'http'],
  allowPrivateNetworks: false,
  allowedPrivateHosts: [],
};

describe('OutboundAddressPolicy', () => {
  const strict = (resolve: Resolve = resolvingTo('93.184.215.14')) => new OutboundAddressPolicy(STRICT, resolve);

  it('answers the public address a host resolves to', async () => {
    expect(await strict().check(new URL('https://example.org/x'))).toEqual({ address: '93.184.215.14', family: 4 });
  });

  it.each([
    'http://127.0.0.1/',
    'http://[::1]/',
    'http://10.1.2.3/',
    'http://172.20.0.1/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
  ])('refuses %s', async (url) => {
    await expect(strict().check(new URL(url))).rejects.toThrow(/not a public address/);
  });

  it('refuses a name when any of its addresses is internal', async () => {
    const policy = strict(resolvingTo('93.184.215.14', '10.0.0.5'));
    await expect(policy.check(new URL('https://rebind.example/'))).rejects.toThrow(/10\.0\.0\.5/);
  });

  it('refuses schemes outside the allow-list', async () => {
    await expect(strict().check(new URL('file:///etc/passwd'))).rejects.toThrow(/scheme 'file'/);
    await expect(strict().check(new URL('ftp://example.org/'))).rejects.toThrow(/scheme 'ftp'/);
  });

  it('lets private networks through only when configured', async () => {
    const lab = new OutboundAddressPolicy(
      { allowedSchemes: ['http'], allowPrivateNetworks: true, allowedPrivateHosts: [] },
      resolvingTo('127.0.0.1'),
    );
    expect(await lab.check(new URL('http://localhost:8080/'))).toEqual({ address: '127.0.0.1', family: 4 });
  });

  describe('with allowed private hosts', () => {
    const policy = new OutboundAddressPolicy(
      { ...STRICT, allowedPrivateHosts: ['Models.Internal', '127.0.0.1:8443', '[fd00:0::7]:443'] },
      resolvingTo('10.0.0.5'),
    );

    it.each([
      'http://models.internal/predict',
      'https://MODELS.internal:9000/',
      'http://127.0.0.1:8443/',
      'https://[fd00::7]/',
    ])('lets %s reach its internal address', async (url) => {
      await expect(policy.check(new URL(url))).resolves.toBeDefined();
    });

    it.each([
      // Another port of an allowed address, as a redirect from the allowed service might name it.
      'http://127.0.0.1:8444/',
      'http://127.0.0.1/',
      'https://[fd00::7]:8443/',
      'http://169.254.169.254/latest/meta-data/',
      'http://other.internal/',
    ])('still refuses %s', async (url) => {
      await expect(policy.check(new URL(url))).rejects.toThrow(/not a public address/);
    });

    it('refuses to be built with an entry that is not a host or host:port', () => {
      expect(() => new OutboundAddressPolicy({ ...STRICT, allowedPrivateHosts: ['http://models.internal/'] })).toThrow(
        /not a host or host:port/,
      );
    });
  });
});
