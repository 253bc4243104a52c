import type { Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** What a download must offer to be sent: the object store's `ObjectDownload` does. */
export interface SendableDownload {
  sendTo(destination: Writable): Promise<void>;
}

/**
 * Answers with the reply's status and headers, then the download's bytes written straight into
 * the response. The reply is hijacked because Fastify sends a body only from a stream, and a
 * stream makes the filesystem store allocate a buffer for every chunk; `sendTo` lets it reuse a
 * few (see send-file-range.ts). onResponse hooks still run: they wait for the response's finish.
 * Rejects when the transfer fails after the headers went out; the client then sees the
 * connection close short of Content-Length.
 */
export async function sendDownload(reply: FastifyReply, download: SendableDownload): Promise<void> {
  writeHeaders(reply);
  await download.sendTo(reply.raw);
}

/** Answers HEAD with the download's headers: hijacked too, as Fastify would answer an empty HEAD with Content-Length 0. */
export function sendDownloadHeaders(reply: FastifyReply): void {
  writeHeaders(reply);
  reply.raw.end();
}

function writeHeaders(reply: FastifyReply): void {
  reply.hijack();
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) reply.raw.setHeader(name, value);
  }
  reply.raw.writeHead(reply.statusCode);
}
