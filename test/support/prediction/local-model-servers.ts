import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LINEAR_BIAS, LINEAR_WEIGHTS } from './linear-model.js';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

type Mode = 'answers' | 'fails' | 'refuses' | 'hangs';

/** y = x·W + b for the rows of an inference protocol request's input `x`, computed by hand. */
function linearAnswer(body: string): string {
  const request = JSON.parse(body) as { inputs: { name: string; shape: number[]; data: number[] }[] };
  const x = request.inputs.find((input) => input.name === 'x')!;
  const rows = x.shape[0];
  const data: number[] = [];
  for (let row = 0; row < rows; row += 1)
    for (let out = 0; out < LINEAR_BIAS.length; out += 1)
      data.push(
        LINEAR_WEIGHTS.reduce((sum, weights, k) => sum + x.data[row * LINEAR_WEIGHTS.length + k] * weights[out], 0) +
          LINEAR_BIAS[out],
      );
  return JSON.stringify({
    model_name: 'linear',
    outputs: [{ name: 'y', datatype: 'FP32', shape: [rows, LINEAR_BIAS.length], data }],
  });
}

/**
 * A model server of the test's own on 127.0.0.1, answering the linear model on the paths of one
 * protocol: SageMaker's InvokeEndpoint (`POST /endpoints/{name}/invocations`) or the Open
 * Inference Protocol (`POST /v2/models/{m}[/versions/{v}]/infer`). It records what it received,
 * can be told to fail (503), refuse (400) or hang, and can die and come back on the same port.
 */
export class LocalModelServer {
  readonly received: ReceivedRequest[] = [];
  mode: Mode = 'answers';
  private server: Server;
  private port = 0;

  private constructor(private readonly path: RegExp) {
    this.server = this.create();
  }

  static sageMaker(): Promise<LocalModelServer> {
    return new LocalModelServer(/^\/endpoints\/[^/]+\/invocations$/).listen();
  }

  static openInference(): Promise<LocalModelServer> {
    return new LocalModelServer(/^\/v2\/models\/[^/]+(\/versions\/[^/]+)?\/infer$/).listen();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Closes the port and every open connection: calls are refused until `revive`. */
  async die(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  async revive(): Promise<void> {
    this.server = this.create();
    await this.listen();
  }

  private create(): Server {
    return createServer((request, response) => {
      void readBody(request).then((body) => {
        const path = request.url ?? '';
        this.received.push({ method: request.method ?? '', path, headers: request.headers, body });
        if (this.mode === 'hangs') return;
        const status = request.method !== 'POST' || !this.path.test(path) ? 404 : this.status();
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(status === 200 ? linearAnswer(body) : JSON.stringify({ error: `answered ${status}` }));
      });
    });
  }

  private status(): number {
    return this.mode === 'fails' ? 503 : this.mode === 'refuses' ? 400 : 200;
  }

  private async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
