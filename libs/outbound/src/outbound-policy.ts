import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { nonGlobalRangeOf } from './address-class.js';
import { parseHostEntry, type HostEntry } from './host-entry.js';
import type { OutboundRules } from './outbound-rules.js';

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

/**
 * The policy refused a URL: retrying cannot change the answer (unless DNS changes, which is not
 * worth waiting for), so a task failing with it fails for good.
 */
export class OutboundUrlRefused extends Error {
  override readonly name = 'OutboundUrlRefused';
}

/**
 * The SSRF policy of outbound requests to user-given URLs (docs/adr/0010): the scheme must be
 * allowed, and every address the host resolves to must be global unicast, unless private networks
 * are allowed or the URL's host (and port) is on the allow-list. The allow-list names the host as
 * the URL writes it, so each redirect hop is judged by its own URL: an allowed service redirecting
 * inward is refused at that hop. Callers connect to the address `check` answers, never resolving
 * the name again, so a DNS answer that changes between check and connect (rebinding) cannot steer
 * the request inward.
 */
export class OutboundPolicy {
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

  /** Resolves the URL's host and answers the address to connect to; throws OutboundUrlRefused. */
  async check(url: URL): Promise<ResolvedAddress> {
    const host = this.checkedHost(url);
    const family = isIP(host);
    const addresses = family === 0 ? await this.resolveOrRefuse(host) : [{ address: host, family: family as 4 | 6 }];
    if (this.mayReachAnyAddress(url, host)) return addresses[0];
    for (const { address } of addresses) {
      const range = nonGlobalRangeOf(address);
      if (range === undefined) continue;
      const what = address === host ? host : `${host} resolves to ${address}, which`;
      throw new OutboundUrlRefused(`${what} is not a public address (${range})`);
    }
    return addresses[0];
  }

  /**
   * What is wrong with a URL that can be told without DNS (a malformed URL, its scheme, an address
   * written in it), or undefined: for refusing a definition when it is saved rather than at run time.
   */
  literalProblem(text: string): string | undefined {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return 'is not a URL';
    }
    try {
      const host = this.checkedHost(url);
      if (isIP(host) === 0 || this.mayReachAnyAddress(url, host)) return undefined;
      const range = nonGlobalRangeOf(host);
      return range === undefined ? undefined : `${host} is not a public address (${range})`;
    } catch (error) {
      return (error as Error).message;
    }
  }

  /** The host as connected to (IPv6 without brackets), once the scheme is known to be allowed. */
  private checkedHost(url: URL): string {
    const scheme = url.protocol.replace(/:$/, '');
    if (!this.rules.allowedSchemes.includes(scheme)) throw new OutboundUrlRefused(`scheme '${scheme}' is not allowed`);
    return url.hostname.replace(/^\[|\]$/g, '');
  }

  private async resolveOrRefuse(host: string): Promise<ResolvedAddress[]> {
    const addresses = await this.resolve(host);
    if (addresses.length === 0) throw new Error(`${host} does not resolve`);
    return addresses;
  }

  private mayReachAnyAddress(url: URL, host: string): boolean {
    if (this.rules.allowPrivateNetworks) return true;
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return this.allowedHosts.some((entry) => entry.host === host && (entry.port ?? port) === port);
  }
}
