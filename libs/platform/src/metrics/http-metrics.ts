import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { FastifyInstance } from 'fastify';
import type { Histogram } from 'prom-client';
import { serverSpanOf } from '../tracing/server-span.js';
import { traceExemplar } from './trace-exemplars.js';

export const HTTP_DURATION_METRIC = 'http_server_request_duration_seconds';

/**
 * Times every request by its route template (bounded labels: an unknown path is
 * `unmatched`, never the raw URL).
 */
@Injectable()
export class HttpMetrics implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectMetric(HTTP_DURATION_METRIC) private readonly duration: Histogram<string>,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // A callback hook, not an async one: no promise and microtask per request for synchronous work.
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.duration.observe({
        labels: { method: request.method, route, status: String(reply.statusCode) },
        value: reply.elapsedTime / 1000,
        // The request's span, whatever context Fastify's onResponse hooks run in.
        exemplarLabels: traceExemplar(serverSpanOf(request)),
      });
      done();
    });
  }
}
