import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolve: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** Loopback, private, link-local, shared, multicast and reserved ranges: never reached from user-given URLs. */
function internalRanges(): BlockList {
  const ranges = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 3],
  ] as const) {
    ranges.addSubnet(network, prefix, 'ipv4');
  }
  for (const [network, prefix] of [
    ['::', 127],
    ['64:ff9b::', 96],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
  ] as const) {
    ranges.addSubnet(network, prefix, 'ipv6');
  }
  return ranges;
}

/** What outbound requests to user-given URLs may reach (WORKFLOW_HTTP_* settings). */
export interface OutboundRules {
  readonly allowedSchemes: readonly string[];
  /** Every loopback, private and link-local address may be reached (a lab or an internal network). */
  readonly allowPrivateNetworks: boolean;
  /** `host` or `host:port` entries that may be reached at internal addresses although others may not. */
  readonly allowedPrivateHosts: readonly string[];
}

interface HostEntry {
  readonly host: string;
  readonly port?: string;
}

const HOST_ENTRY = /^(\[[0-9a-f:.]+\]|[^\s:/[\]@?#]+)(?::(\d{1,5}))?$/i;

/** Reads `models.internal`, `models.internal:8080`, `10.0.0.7:9000` or `[fd00::7]:443`; undefined when malformed. */
export function parseHostEntry(entry: string): HostEntry | undefined {
  const match = HOST_ENTRY.exec(entry.trim());
  if (match === null) return undefined;
  try {
    // The URL parser writes the host as check() sees it: lower case, punycode, IPv6 compressed.
    const host = new URL(`http://${match[1]}`).hostname.replace(/^\[|\]$/g, '');
    return { host, ...(match[2] === undefined ? {} : { port: match[2] }) };
  } catch {
    return undefined;
  }
}

/**
 * The SSRF policy of outbound requests to user-given URLs (ARCHITECTURE section 6): the scheme must
 * be allowed, and every address the host resolves to must be public unless private networks are
 * allowed or the URL's host (and port) is on the allow-list. The allow-list names the host as the
 * URL writes it, so each redirect hop is judged by its own URL: an allowed service that redirects
 * elsewhere inward is refused at that hop. The caller connects to the address this answers, never
 * resolving the name again, so a DNS answer that changes between check and connect (rebinding)
 * cannot steer the request inward.
 */
export class OutboundAddressPolicy {
  private readonly internal = internalRanges();
  private readonly allowedHosts: readonly HostEntry[];

  constructor(
    private readonly rules: OutboundRules,
    private readonly resolve: Resolve = systemResolve,
  ) {
    this.allowedHosts = rules.allowedPrivateHosts.map((entry) => {
      const parsed = parseHostEntry(entry);
      if (parsed === undefined) throw new RangeError(`'${entry}' is not a host or host:port`);
      return parsed;
    });
  }

  async check(url: URL): Promise<ResolvedAddress> {
    const scheme = url.protocol.replace(/:$/, '');
    if (!this.rules.allowedSchemes.includes(scheme)) throw new Error(`scheme '${scheme}' is not allowed`);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const family = isIP(host);
    const addresses = family === 0 ? await this.resolve(host) : [{ address: host, family: family as 4 | 6 }];
    if (addresses.length === 0) throw new Error(`${host} does not resolve`);
    const mayBeInternal = this.rules.allowPrivateNetworks || this.isAllowedHost(url, host);
    const refused = addresses.find((candidate) => !mayBeInternal && this.isInternal(candidate));
    if (refused !== undefined) throw new Error(`${host} resolves to ${refused.address}, which is not a public address`);
    return addresses[0];
  }

  private isAllowedHost(url: URL, host: string): boolean {
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return this.allowedHosts.some((entry) => entry.host === host && (entry.port ?? port) === port);
  }

  private isInternal({ address, family }: ResolvedAddress): boolean {
    // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) reaches the IPv4 host it embeds.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return this.internal.check(mapped[1], 'ipv4');
    return this.internal.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }
}
