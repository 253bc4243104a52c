import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { ForwardAdmission } from './forward-admission.js';
import { FORWARDED_BY_HEADER } from './forwarded-headers.js';
import { RequestForwarder } from './request-forwarder.js';
import { UpstreamDirectory } from './upstream-directory.js';

/**
 * Routing in every process that serves HTTP: a request no route of this process matches, for a
 * route another registered instance serves, is forwarded there before its body is read (so it
 * streams through). Requests this process serves itself, and requests already forwarded once, go
 * on as before (a route nobody serves stays a 404). Where api-gateway is hosted, a request passes
 * its rate limits here first (ADR 0701), as the interceptor that limits local routes never sees it.
 */
@Injectable()
export class ForwardingHook implements OnModuleInit {
  private admission: ForwardAdmission | undefined;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly directory: UpstreamDirectory,
    private readonly forwarder: RequestForwarder,
  ) {}

  /** Sets the check every request passes before it is forwarded. */
  admitWith(admission: ForwardAdmission): void {
    this.admission = admission;
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request, reply) => {
      if (!request.is404 || request.headers[FORWARDED_BY_HEADER] !== undefined) return;
      const query = request.url.indexOf('?');
      const path = query === -1 ? request.url : request.url.slice(0, query);
      const route = this.directory.routeFor(request.method, path);
      if (route === undefined) return;
      const permit = this.admission === undefined ? {} : await this.admission.admit(request, reply, route);
      if (permit !== undefined) await this.forwarder.forward(request, reply, route.candidates, permit.body);
      return reply;
    });
  }
}
