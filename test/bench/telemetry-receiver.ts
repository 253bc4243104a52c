import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The local collector of `npm run bench -- telemetry`: takes OTLP/HTTP exports on /v1/traces in
 * the SDK's default protobuf, counts them and their bytes, and answers an empty (valid) response.
 * It decodes nothing: a collector's own cost is not the platform's.
 */
export class CountingOtlpReceiver {
  exports = 0;
  bytes = 0;

  private readonly server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => (this.bytes += chunk.length));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') this.exports += 1;
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });

  static async start(): Promise<CountingOtlpReceiver> {
    const receiver = new CountingOtlpReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  /** The base URL for OTEL_EXPORTER_OTLP_ENDPOINT. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
