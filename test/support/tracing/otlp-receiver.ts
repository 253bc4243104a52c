import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as OTLP/HTTP JSON carries it (ids in hex), with its attributes flattened. */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  /** 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  readonly kind: number;
  readonly attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  readonly key: string;
  readonly value: Record<string, unknown>;
}

interface OtlpExport {
  readonly resourceSpans?: {
    readonly scopeSpans?: {
      readonly spans?: (Omit<ReceivedSpan, 'attributes'> & { attributes?: OtlpAttribute[] })[];
    }[];
  }[];
}

/**
 * The test's OpenTelemetry collector: a node:http server taking OTLP/HTTP JSON exports on
 * /v1/traces (OTEL_EXPORTER_OTLP_PROTOCOL=http/json) and keeping every span it was sent.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];

  private readonly server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url !== '/v1/traces' || request.headers['content-type'] !== 'application/json') {
        response.writeHead(415).end();
        return;
      }
      this.keep(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  private port = 0;

  static async start(): Promise<OtlpReceiver> {
    const receiver = new OtlpReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.port = (receiver.server.address() as AddressInfo).port;
    return receiver;
  }

  /** The base URL for OTEL_EXPORTER_OTLP_ENDPOINT. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The spans of one trace. */
  trace(traceId: string): ReceivedSpan[] {
    return this.spans.filter((span) => span.traceId === traceId);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private keep(body: OtlpExport): void {
    for (const resource of body.resourceSpans ?? []) {
      for (const scope of resource.scopeSpans ?? []) {
        for (const { attributes, ...span } of scope.spans ?? []) {
          this.spans.push({ ...span, attributes: Object.fromEntries((attributes ?? []).map(flatten)) });
        }
      }
    }
  }
}

// An OTLP AnyValue holds one of stringValue, intValue, boolValue, doubleValue...: its only value.
function flatten({ key, value }: OtlpAttribute): [string, unknown] {
  return [key, Object.values(value)[0]];
}
