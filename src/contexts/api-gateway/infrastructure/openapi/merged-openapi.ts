import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { OpenApiContributions } from '@libs/platform';
import { mergeApiDocuments, type ApiDocument } from '../../domain/openapi-merge.js';
import { UpstreamDirectory } from '../routing/upstream-directory.js';

/**
 * The gateway's `/docs` and `/docs/openapi.json`: one document merged from its own and every
 * registered instance's, made again when instances come or go (the directory's generation).
 */
@Injectable()
export class MergedOpenApi implements OnModuleInit {
  private cached: { own: OpenAPIObject; generation: number; merged: OpenAPIObject } | undefined;

  constructor(
    private readonly contributions: OpenApiContributions,
    private readonly directory: UpstreamDirectory,
  ) {}

  onModuleInit(): void {
    this.contributions.serveInstead((own, scope) => (scope === 'instance' ? own : this.merged(own)));
  }

  private merged(own: OpenAPIObject): OpenAPIObject {
    const generation = this.directory.generation;
    if (this.cached?.own === own && this.cached.generation === generation) return this.cached.merged;
    // The domain merge reads paths, schemas and tags only; the rest of the document is carried as it is.
    const merged = mergeApiDocuments(own as unknown as ApiDocument, this.directory.liveDocuments());
    this.cached = { own, generation, merged: merged as unknown as OpenAPIObject };
    return this.cached.merged;
  }
}
