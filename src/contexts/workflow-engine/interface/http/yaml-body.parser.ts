import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { PLATFORM_CONFIG, type PlatformConfig } from '@libs/platform';

/** The media types a definition may be sent as besides JSON. */
export const YAML_MEDIA_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

export function isYaml(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0].trim().toLowerCase();
  return mediaType !== undefined && YAML_MEDIA_TYPES.includes(mediaType);
}

/**
 * Lets Fastify accept YAML bodies as their raw text, within the same body limit as JSON; the
 * definition's YAML reader parses them with its own bounds (aliases, size, duplicate keys).
 */
@Injectable()
export class YamlBodyParser implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('application/yaml')) return;
    fastify.addContentTypeParser(
      YAML_MEDIA_TYPES,
      { parseAs: 'string', bodyLimit: this.config.bodyLimitBytes },
      (_request, body, done) => done(null, body),
    );
  }
}
