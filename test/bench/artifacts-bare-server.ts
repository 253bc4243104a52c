import { createServer, type ServerResponse } from 'node:http';
import { FilesystemObjectStore } from '@libs/storage';

/**
 * The transport ceiling for `npm run bench -- artifacts`: bare node:http in a process of its own
 * streaming PUT bodies into the same storage adapter and GET bodies out of it, with nothing of the
 * platform in between. `GET /memory?bytes=n` sends n bytes from one buffer, no file read at all:
 * what loopback HTTP alone allows. Prints {"port":n}; exits when its stdin closes.
 */
const store = new FilesystemObjectStore(process.argv[2]);
const KEY = 'bare/artifact';
const MEMORY_CHUNK = Buffer.alloc(1024 * 1024, 7);

/** Writes `bytes` bytes of one buffer that never changes, so it may be queued many times over. */
function sendFromMemory(response: ServerResponse, bytes: number): void {
  response.writeHead(200, { 'content-length': String(bytes) });
  let left = bytes;
  const fill = (): void => {
    while (left > 0) {
      const length = Math.min(left, MEMORY_CHUNK.length);
      left -= length;
      if (!response.write(MEMORY_CHUNK.subarray(0, length))) return void response.once('drain', fill);
    }
    response.end();
  };
  fill();
}

const server = createServer((request, response) => {
  const fail = (error: unknown) => {
    response.statusCode = 500;
    response.end(String(error));
  };
  if (request.method === 'PUT') {
    const size = Number(request.headers['content-length']);
    store.put(KEY, request, { maxBytes: size, size }).then((stored) => response.end(stored.sha256), fail);
    return;
  }
  const memory = /^\/memory\?bytes=(\d+)$/.exec(request.url ?? '');
  if (memory) return sendFromMemory(response, Number(memory[1]));
  store.get(KEY).then((download) => {
    response.writeHead(200, { 'content-length': String(download.contentLength) });
    // The way the platform sends a download, so this stays its ceiling; a failure has destroyed the response.
    download.sendTo(response).catch(() => undefined);
  }, fail);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
