import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../http/public.decorator.js';
import { metricsExposition } from './metrics-exposition.js';

/** Prometheus scrape endpoint; public like the health probes. OpenMetrics (with exemplars) when asked by Accept. */
@ApiExcludeController()
@Public()
@Controller()
export class MetricsController {
  @Get()
  async index(@Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<string> {
    const { contentType, body } = await metricsExposition.render(request.headers.accept);
    void response.header('content-type', contentType);
    return body;
  }
}
