import { createWriteStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SendPinned } from '@libs/outbound';

/**
 * A `SendPinned` for `OutboundHttp` that streams a 2xx body into `path` instead of the heap (the
 * library's own sender buffers, fit for task answers, not for tables). As the library's sender it
 * connects to the address the policy checked, keeping the URL's name for Host and TLS SNI. Other
 * answers (redirects, errors) are drained: only their status and headers matter.
 */
export function downloadingTo(path: string): SendPinned {
  return (outbound, address, maxBytes, signal) => {
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
          const status = response.statusCode ?? 0;
          const answer = { status, headers: response.headers, body: Buffer.alloc(0) };
          if (status < 200 || status >= 300) {
            response.resume();
            response.on('end', () => resolve(answer));
            response.on('error', reject);
            return;
          }
          pipeline(response, new ByteLimit(maxBytes), createWriteStream(path)).then(() => resolve(answer), reject);
        },
      );
      request.on('error', reject);
      request.end(outbound.body);
    });
  };
}

/** Passes bytes on until there are more than `maxBytes`, then fails the stream (and so the download). */
class ByteLimit extends Transform {
  private seen = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.maxBytes) done(new Error(`the response is larger than ${this.maxBytes} bytes`));
    else done(null, chunk);
  }
}
