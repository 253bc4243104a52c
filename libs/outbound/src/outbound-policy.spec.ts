import { describe, expect, it } from '@jest/globals';
import { OutboundPolicy, OutboundUrlRefused, type Resolve } from './outbound-policy.js';
import type { OutboundRules } from './outbound-rules.js';

const resolvingTo =
  (...addresses: string[]): Resolve =>
  () =>
    Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const));

const STRICT: OutboundRules = {
  allowedSchemes: ['https', 'http'],
  allowPrivateNetworks: false,
  allowedPrivateHosts: [],
};

describe('OutboundPolicy', () => {
  const strict = (resolve: Resolve = resolvingTo('93.184.215.14')) => new OutboundPolicy(STRICT, resolve);

  it('answers the public address a host resolves to', async () => {
    expect(await strict().check(new URL('https://example.org/x'))).toEqual({ address: '93.184.215.14', family: 4 });
  });

  it('refuses a name when any of its addresses is not public, naming it and its range', async () => {
    const policy = strict(resolvingTo('93.184.215.14', '10.0.0.5'));
    await expect(policy.check(new URL('https://rebind.example/'))).rejects.toThrow(
      new OutboundUrlRefused('rebind.example resolves to 10.0.0.5, which is not a public address (private)'),
    );
  });

  it('refuses a literal address naming its range', async () => {
    await expect(strict().check(new URL('http://[::7f00:1]/'))).rejects.toThrow(
      '::7f00:1 is not a public address (outside global unicast 2000::/3)',
    );
  });

  it('lets private networks through only when configured', async () => {
    const lab = new OutboundPolicy({ ...STRICT, allowPrivateNetworks: true }, resolvingTo('127.0.0.1'));
    expect(await lab.check(new URL('http://localhost:8080/'))).toEqual({ address: '127.0.0.1', family: 4 });
    expect(lab.literalProblem('http://127.0.0.1/')).toBeUndefined();
  });

  describe('with allowed private hosts', () => {
    const policy = new OutboundPolicy(
      { ...STRICT, allowedPrivateHosts: ['Models.Internal', '127.0.0.1:8443', '[fd00:0::7]:443'] },
      resolvingTo('10.0.0.5'),
    );

    it.each([
      'http://models.internal/predict',
      'https://MODELS.internal:9000/',
      'http://0x7f.1:8443/',
      'https://[fd00::7]/',
    ])('lets %s reach its internal address', async (url) => {
      await expect(policy.check(new URL(url))).resolves.toBeDefined();
      expect(policy.literalProblem(url)).toBeUndefined();
    });

    it.each(['http://127.0.0.1:8444/', 'http://127.0.0.1/', 'https://[fd00::7]:8443/', 'http://other.internal/'])(
      'still refuses %s',
      async (url) => {
        await expect(policy.check(new URL(url))).rejects.toThrow(/not a public address/);
      },
    );

    it('refuses to be built with an entry that is not a host or host:port', () => {
      expect(() => new OutboundPolicy({ ...STRICT, allowedPrivateHosts: ['http://models.internal/'] })).toThrow(
        /not a host or host:port/,
      );
    });
  });

  describe('literalProblem, for definitions being saved', () => {
    it.each([
      ['http://127.0.0.1:9000/', '127.0.0.1 is not a public address (loopback)'],
      ['http://2130706433/', '127.0.0.1 is not a public address (loopback)'],
      ['http://[::ffff:0:7f00:1]/', '::ffff:0:7f00:1 is not a public address (rfc6145)'],
      ['http://[fec0::1]/', 'fec0::1 is not a public address (deprecatedSiteLocal)'],
      ['http://169.254.169.254/', '169.254.169.254 is not a public address (linkLocal)'],
      ['file:///etc/passwd', "scheme 'file' is not allowed"],
      ['not a url', 'is not a URL'],
    ])('finds %s wrong: %s', (url, problem) => {
      expect(strict().literalProblem(url)).toBe(problem);
    });

    it.each(['https://example.org/', 'http://localhost/', 'http://93.184.215.14/', 'http://[2606:4700::1111]/'])(
      'leaves %s to the run-time check',
      (url) => {
        expect(strict().literalProblem(url)).toBeUndefined();
      },
    );
  });
});
