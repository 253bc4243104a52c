import ipaddr from 'ipaddr.js';

// IANA's global unicast block: everything outside it (::/8 with the IPv4-compatible and SIIT forms,
// 64:ff9b::/96 and 64:ff9b:1::/48 NAT64, fec0::/10 site-local, fc00::/7, fe80::/10, ff00::/8, and
// unassigned space) is never reached from a user-given URL.
const IPV6_GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * Why `address` (an IPv4 or IPv6 literal, as a resolver answers it) is not a global unicast
 * address, or undefined when it is one. ipaddr.js names the special-purpose ranges of the IANA
 * registries (loopback, private, carrierGradeNat, linkLocal, reserved for documentation,
 * benchmarking and 240/4, 6to4, teredo, ...); only its plain `unicast` passes. An IPv4-mapped IPv6
 * address reaches the IPv4 host it embeds, so that host is judged. 6to4 (2002::/16) is refused as a
 * whole rather than by its embedded IPv4: relays are deprecated (RFC 7526) and nothing legitimate
 * needs them.
 */
export function nonGlobalRangeOf(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return rangeName(parsed.range());
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return nonGlobalRangeOf(v6.toIPv4Address().toString());
  const range = v6.range();
  if (range !== 'unicast') return rangeName(range);
  return v6.match(IPV6_GLOBAL_UNICAST) ? undefined : 'outside global unicast 2000::/3';
}

function rangeName(range: string): string | undefined {
  return range === 'unicast' ? undefined : range;
}
