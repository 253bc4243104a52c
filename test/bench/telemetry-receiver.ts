import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { forEachSpanOfExport } from './otlp-protobuf-spans.js';

const SERVER = 2;

/**
 * The local collector of `npm run bench -- telemetry`: takes OTLP/HTTP exports on /v1/traces in
 * the SDK's default protobuf (gzipped or not), counts them, their bytes on the wire and their
 * spans by name, and answers an empty (valid) response. Counting is all it decodes: a
 * collector's own cost is not the platform's.
 */
export class CountingOtlpReceiver {
  exports = 0;
  /** Bytes on the wire, compressed if the exporter compresses. */
  bytes = 0;
  spans = 0;
  /** Server spans: one per traced request the app answered. */
  serverSpans = 0;
  readonly spansByName = new Map<string, { count: number; bytes: number }>();

  private readonly server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') this.count(Buffer.concat(chunks), request.headers);
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

  private count(body: Buffer, headers: { 'content-encoding'?: string }): void {
    this.exports += 1;
    this.bytes += body.length;
    forEachSpanOfExport(headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body, (span) => {
      this.spans += 1;
      if (span.kind === SERVER) this.serverSpans += 1;
      const tally = this.spansByName.get(span.name);
      if (tally === undefined) this.spansByName.set(span.name, { count: 1, bytes: span.bytes });
      else {
        tally.count += 1;
        tally.bytes += span.bytes;
      }
    });
  }
}
