import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { ResolvedAddress } from './outbound-policy.js';

export interface OutboundRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface OutboundResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Sends one request to an address the policy checked; `OutboundHttp` takes another one in tests. */
export type SendPinned = (
  outbound: OutboundRequest,
  address: ResolvedAddress,
  maxBytes: number,
  signal: AbortSignal,
) => Promise<OutboundResponse>;

/**
 * Connects to `address` itself, an IP literal, so nothing resolves the name again; the Host header
 * and TLS SNI (and so the certificate check) keep the URL's name. The response body is read up to
 * `maxBytes`; beyond that the request is aborted.
 */
export const sendPinned: SendPinned = (outbound, address, maxBytes, signal) => {
  const { url } = outbound;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const named = isIP(url.hostname.replace(/^\[|\]$/g, '')) === 0;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: outbound.method,
        hostname: address.address,
        family: address.family,
        headers: { ...outbound.headers, host: url.host },
        ...(named && { servername: url.hostname }),
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            // Settled here: destroying with the error would emit it where nobody listens once the response began.
            reject(new Error(`the response is larger than ${maxBytes} bytes`));
            request.destroy();
          } else chunks.push(chunk);
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
};
