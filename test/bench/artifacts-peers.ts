import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { FilesystemObjectStore } from '@libs/storage';
import { httpGet } from './artifacts-download-client.js';
import { artifactBytes, drain, httpPut } from './artifacts-transfer.js';

/** The storage adapter in this process: what the brief compares the API with. */
export class AdapterPeer {
  private readonly store: FilesystemObjectStore;
  constructor(directory: string) {
    this.store = new FilesystemObjectStore(directory);
  }

  async write(size: number): Promise<void> {
    await this.store.put('adapter/artifact', artifactBytes(size), { maxBytes: size, size });
  }

  async read(size: number): Promise<void> {
    const bytes = await drain((await this.store.get('adapter/artifact')).body);
    if (bytes !== size) throw new Error(`the adapter read ${bytes} bytes`);
  }
}

/** Bare node:http over the same adapter in a child process: the most any HTTP path could do here. */
export class BareHttpPeer {
  private constructor(
    private readonly child: ChildProcess,
    private readonly url: string,
  ) {}

  static async start(directory: string): Promise<BareHttpPeer> {
    const script = fileURLToPath(new URL('./artifacts-bare-server.js', import.meta.url));
    const child = spawn(process.execPath, [script, directory], { stdio: ['pipe', 'pipe', 'inherit'] });
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    return new BareHttpPeer(child, `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}/artifact`);
  }

  async write(size: number): Promise<void> {
    const { status, body } = await httpPut(this.url, 'none', size);
    if (status !== 200) throw new Error(`bare PUT answered ${status}: ${body}`);
  }

  async read(size: number): Promise<void> {
    const { bytes } = await httpGet(this.url, 'none');
    if (bytes !== size) throw new Error(`bare GET gave ${bytes} bytes`);
  }

  /** The same HTTP answer with its bytes from memory: loopback HTTP alone, no file read. */
  async readFromMemory(size: number): Promise<void> {
    const { bytes } = await httpGet(`${this.url.replace(/\/artifact$/, '/memory')}?bytes=${size}`, 'none');
    if (bytes !== size) throw new Error(`bare GET from memory gave ${bytes} bytes`);
  }

  async stop(): Promise<void> {
    const exited = once(this.child, 'exit');
    this.child.stdin!.end();
    await exited;
  }
}
