import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** One log line per request, written when it completes (ARCHITECTURE section 8). */
export class RequestLogController extends LogController {
  override incomingRequest(): void {
    // Deliberately silent: the completion line carries everything, so a request logs once.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      url: request.url,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
