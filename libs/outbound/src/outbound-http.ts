import type { OutboundPolicy } from './outbound-policy.js';
import { sendPinned, type OutboundRequest, type OutboundResponse, type SendPinned } from './pinned-request.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface OutboundLimits {
  readonly maxRedirects: number;
  readonly maxResponseBytes: number;
}

/**
 * HTTP requests to user-given URLs through the policy: each hop of a redirect is checked, and
 * connected to at the checked address, before anything is sent to it.
 */
export class OutboundHttp {
  constructor(
    private readonly policy: OutboundPolicy,
    private readonly send: SendPinned = sendPinned,
  ) {}

  /** The final response (a redirect without Location included); throws OutboundUrlRefused at a refused hop. */
  async request(first: OutboundRequest, limits: OutboundLimits, signal: AbortSignal): Promise<OutboundResponse> {
    let outbound = first;
    for (let hop = 0; ; hop += 1) {
      const address = await this.policy.check(outbound.url);
      const response = await this.send(outbound, address, limits.maxResponseBytes, signal);
      const location = response.headers.location;
      if (!REDIRECTS.has(response.status) || location === undefined) return response;
      if (hop >= limits.maxRedirects) throw new Error(`more than ${limits.maxRedirects} redirects`);
      const url = new URL(location, outbound.url);
      // As fetch does: credentials given for one origin are not handed to another one.
      const dropped = url.origin === outbound.url.origin ? [] : CREDENTIAL_HEADERS;
      // 303 (and, as browsers do, 301/302 after a POST) continue as a GET without the body.
      const keepsMethod = response.status === 307 || response.status === 308;
      outbound = keepsMethod
        ? { ...outbound, url, headers: without(outbound.headers, dropped) }
        : { method: 'GET', url, headers: without(outbound.headers, [...dropped, 'content-type']) };
    }
  }
}

const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

function without(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name.toLowerCase())));
}
