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
      // 303 (and, as browsers do, 301/302 after a POST) continue as a GET without the body.
      const keepsMethod = response.status === 307 || response.status === 308;
      outbound = keepsMethod ? { ...outbound, url } : { method: 'GET', url, headers: withoutBodyHeaders(outbound) };
    }
  }
}

function withoutBodyHeaders({ headers }: OutboundRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
}
