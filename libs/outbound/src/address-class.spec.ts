import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { nonGlobalRangeOf } from './address-class.js';

describe('nonGlobalRangeOf', () => {
  it.each([
    ['93.184.215.14'],
    ['1.1.1.1'],
    ['2606:4700:4700::1111'],
    ['2a00:1450:4001:82a::200e'],
    ['::ffff:93.184.215.14'],
  ])('passes the global unicast address %s', (address) => {
    expect(nonGlobalRangeOf(address)).toBeUndefined();
  });

  it.each([
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['192.88.99.1', 'reserved'],
    ['192.168.0.1', 'private'],
    ['198.18.0.1', 'reserved'],
    ['198.51.100.1', 'reserved'],
    ['203.0.113.1', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::7f00:1', 'outside global unicast 2000::/3'],
    ['::ffff:0:7f00:1', 'rfc6145'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['64:ff9b:1::a00:1', 'rfc6052'],
    ['100::1', 'discard'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
    ['2001:2::1', 'benchmarking'],
    ['2001:db8::1', 'reserved'],
    ['2002:5db8:d70e::1', '6to4'],
    ['3fff::1', 'reserved'],
    ['4000::1', 'outside global unicast 2000::/3'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['ff02::1', 'multicast'],
  ])('refuses %s as %s', (address, range) => {
    expect(nonGlobalRangeOf(address)).toBe(range);
  });

  it('judges an IPv4-mapped IPv6 address as the IPv4 address it reaches', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        expect(nonGlobalRangeOf(`::ffff:${v4}`)).toBe(nonGlobalRangeOf(v4));
      }),
    );
  });

  it('never passes an address outside 2000::/3 or an IPv4-compatible one', () => {
    fc.assert(
      fc.property(fc.ipV6(), (v6) => {
        const parsed = ipaddr.IPv6.parse(v6);
        const inGlobalBlock = parsed.parts[0] >> 13 === 1;
        if (!inGlobalBlock && !parsed.isIPv4MappedAddress()) expect(nonGlobalRangeOf(v6)).toBeDefined();
      }),
    );
  });

  it('answers that a name is not an address', () => {
    expect(nonGlobalRangeOf('example.org')).toBe('not an IP address');
  });
});
