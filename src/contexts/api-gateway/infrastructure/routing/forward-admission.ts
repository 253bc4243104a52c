import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ForwardedRoute } from './upstream-directory.js';

/** What a request may be forwarded with: its body, when the check read it (else the body streams through). */
export interface ForwardPermit {
  readonly body?: Buffer;
}

/**
 * A check a request must pass before it is forwarded (the rate limits, where api-gateway is hosted).
 * Undefined means it answered the request itself (a refusal), which is then not forwarded.
 */
export abstract class ForwardAdmission {
  abstract admit(
    request: FastifyRequest,
    reply: FastifyReply,
    route: ForwardedRoute,
  ): Promise<ForwardPermit | undefined>;
}
