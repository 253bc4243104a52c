import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- event bodies are checked by the tests
type Json = any;

export interface ReceivedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: Json;
  /** What the receiver answered. */
  readonly status: number;
}

/**
 * An OpenLineage HTTP endpoint on loopback (`POST /api/v1/lineage`, as Marquez serves it) that records
 * every request. `failNext(n)` makes the next n requests answer 500, whatever they carry.
 */
export class OpenLineageReceiver {
  readonly requests: ReceivedRequest[] = [];
  private failures = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<OpenLineageReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const receiver = new OpenLineageReceiver(server, `http://127.0.0.1:${port}/api/v1/lineage`);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const status = receiver.failures > 0 ? 500 : 201;
        if (receiver.failures > 0) receiver.failures -= 1;
        const text = Buffer.concat(chunks).toString();
        receiver.requests.push({ headers: request.headers, body: text ? JSON.parse(text) : undefined, status });
        response.writeHead(status).end();
      });
    });
    return receiver;
  }

  failNext(count: number): void {
    this.failures = count;
  }

  /** The requests carrying events of one run, in the order they came. */
  ofRun(runId: string): ReceivedRequest[] {
    return this.requests.filter((request) => request.body?.run?.runId === runId);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}
