import { describe, expect, it } from '@jest/globals';
import { OutboundAddressPolicy, type Resolve } from './outbound-address-policy.js';

const resolvingTo =
  (...addresses: string[]): Resolve =>
  () =>
    Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const));

describe('OutboundAddressPolicy', () => {
  const strict = (resolve: Resolve = resolvingTo('93.184.215.14')) =>
    new OutboundAddressPolicy(['https', 'http'], false, resolve);

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
    const lab = new OutboundAddressPolicy(['http'], true, resolvingTo('127.0.0.1'));
    expect(await lab.check(new URL('http://localhost:8080/'))).toEqual({ address: '127.0.0.1', family: 4 });
  });
});
