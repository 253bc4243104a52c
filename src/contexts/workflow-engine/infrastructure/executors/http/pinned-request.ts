import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './outbound-address-policy.js';

export interface PinnedResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface OutboundRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/**
 * Sends one request to `address`, the address the policy checked: the socket's lookup answers it
 * instead of resolving the host again, while Host and TLS SNI keep the name. The response body is
 * read up to `maxBytes`; beyond that the request is aborted.
 */
export function sendPinned(
  outbound: OutboundRequest,
  address: ResolvedAddress,
  maxBytes: number,
  signal: AbortSignal,
): Promise<PinnedResponse> {
  const pinnedLookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  };
  const send = outbound.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      outbound.url,
      { method: outbound.method, headers: outbound.headers, lookup: pinnedLookup, signal },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) request.destroy(new Error(`the response is larger than ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(outbound.body);
  });
}
