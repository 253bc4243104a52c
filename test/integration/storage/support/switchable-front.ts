import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP front of a real server that can be made to fail: while `failing`, every request is
 * answered 503 (the server "down"); otherwise it is passed through untouched. Counts the requests
 * that reached it, so a test sees whether a call got as far as the server.
 */
export class SwitchableFront {
  failing = false;
  received = 0;
  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
  ) {}

  static async before(target: string): Promise<SwitchableFront> {
    const upstream = new URL(target);
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const front = new SwitchableFront(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (incoming, outgoing) => {
      front.received += 1;
      if (front.failing) {
        incoming.resume();
        outgoing.writeHead(503, { 'content-type': 'application/xml' }).end('<Error><Code>SlowDown</Code></Error>');
        return;
      }
      const forwarded = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      incoming.pipe(forwarded);
    });
    return front;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
