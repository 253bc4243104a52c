import { PassThrough, type Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The request body as a stream the store may destroy without killing the socket, so a refused
 * upload can still be answered (413, 409). A client that goes away mid-upload fails the stream,
 * so the store never waits for bytes that will not come.
 */
export function streamedBody(request: FastifyRequest): Readable {
  const source = request.raw;
  const body = new PassThrough();
  source.pipe(body);
  source.once('close', () => {
    if (!source.complete) body.destroy(new Error('The client closed the connection before the upload ended'));
  });
  return body;
}

/** After a refused upload the rest of the body is not worth reading: the connection closes once answered. */
export function closeIfUnread(request: FastifyRequest, reply: FastifyReply): void {
  if (!request.raw.complete) void reply.header('connection', 'close');
}

export function declaredLength(request: FastifyRequest): number | undefined {
  const header = request.headers['content-length'];
  return header === undefined || !/^\d+$/.test(header) ? undefined : Number(header);
}
