import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ObjectDownload } from '@libs/storage';

/**
 * Answers with the reply's status and headers, then the download's bytes written straight into
 * the response (none for HEAD). The reply is hijacked because Fastify sends a body only from a
 * stream, and a stream makes the filesystem store allocate a buffer for every chunk; `sendTo` lets
 * it reuse a few (see send-file-range.ts). onResponse hooks still run: they wait for the
 * response's finish. Rejects when the transfer fails after the headers went out; the client then
 * sees the connection close short of Content-Length.
 */
export async function sendDownload(
  request: FastifyRequest,
  reply: FastifyReply,
  download: ObjectDownload,
): Promise<void> {
  reply.hijack();
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) reply.raw.setHeader(name, value);
  }
  reply.raw.writeHead(reply.statusCode);
  if (request.method === 'HEAD') {
    download.body.destroy();
    reply.raw.end();
    return;
  }
  await download.sendTo(reply.raw);
}
