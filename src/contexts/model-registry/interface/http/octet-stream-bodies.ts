import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { acceptStreamedBodies } from '@libs/platform';
import type { FastifyInstance } from 'fastify';

export const OCTET_STREAM = 'application/octet-stream';

/** Artifact uploads arrive as `application/octet-stream`, streamed to the routes marked STREAMED_BODY. */
@Injectable()
export class OctetStreamBodies implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) acceptStreamedBodies(fastify, [OCTET_STREAM]);
  }
}
