import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { forEachSpanOfExport } from './otlp-protobuf-spans.js';

const SERVER = 2;

/** What the receiver got, decoded once the load is over. */
export interface ReceivedSpans {
  readonly exports: number;
  /** Bytes on the wire, compressed if the exporter compresses. */
  readonly bytes: number;
  readonly spans: number;
  /** Server spans: one per traced request the app answered. */
  readonly serverSpans: number;
  readonly spansByName: ReadonlyMap<string, { count: number; bytes: number }>;
}

interface Received {
  readonly body: Buffer;
  readonly gzipped: boolean;
}

/**
 * The local collector of `npm run bench -- telemetry`: takes OTLP/HTTP exports on /v1/traces in
 * the SDK's default protobuf (gzipped or not) and answers an empty (valid) response. While the
 * load runs it only keeps each body: a collector runs elsewhere, and decoding beside the app (on
 * this 2-core host) took CPU from the traced side alone, so `tally` decodes them afterwards.
 */
export class CountingOtlpReceiver {
  private readonly received: Received[] = [];

  private readonly server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces')
        this.received.push({ body: Buffer.concat(chunks), gzipped: request.headers['content-encoding'] === 'gzip' });
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

  /** Every export received so far, counted: its bytes, and its spans by name and kind. */
  tally(): ReceivedSpans {
    const spansByName = new Map<string, { count: number; bytes: number }>();
    let [bytes, spans, serverSpans] = [0, 0, 0];
    for (const { body, gzipped } of this.received) {
      bytes += body.length;
      forEachSpanOfExport(gzipped ? gunzipSync(body) : body, (span) => {
        spans += 1;
        if (span.kind === SERVER) serverSpans += 1;
        const tally = spansByName.get(span.name);
        if (tally === undefined) spansByName.set(span.name, { count: 1, bytes: span.bytes });
        else {
          tally.count += 1;
          tally.bytes += span.bytes;
        }
      });
    }
    return { exports: this.received.length, bytes, spans, serverSpans, spansByName };
  }
}
