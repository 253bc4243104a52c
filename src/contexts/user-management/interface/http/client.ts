import type { FastifyRequest } from 'fastify';

/** The client address (X-Forwarded-For is honoured: the platform runs behind a trusted proxy). */
export function clientIp(request: FastifyRequest): string {
  return request.ip;
}

export function clientDevice(request: FastifyRequest): string {
  const agent = request.headers['user-agent'];
  return typeof agent === 'string' && agent.length > 0 ? agent : 'unknown device';
}
