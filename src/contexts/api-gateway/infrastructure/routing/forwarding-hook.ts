import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { FORWARDED_BY_HEADER } from './forwarded-headers.js';
import { RequestForwarder } from './request-forwarder.js';
import { UpstreamDirectory } from './upstream-directory.js';

/**
 * Routing in every process that serves HTTP: a request no route of this process matches, for a
 * route another registered instance serves, is forwarded there before its body is read (so it
 * streams through). Requests this process serves itself, and requests already forwarded once, go
 * on as before (a route nobody serves stays a 404).
 */
@Injectable()
export class ForwardingHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly directory: UpstreamDirectory,
    private readonly forwarder: RequestForwarder,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request, reply) => {
      if (!request.is404 || request.headers[FORWARDED_BY_HEADER] !== undefined) return;
      const query = request.url.indexOf('?');
      const path = query === -1 ? request.url : request.url.slice(0, query);
      const candidates = this.directory.candidatesFor(request.method, path);
      if (candidates === undefined) return;
      await this.forwarder.forward(request, reply, candidates);
      return reply;
    });
  }
}
