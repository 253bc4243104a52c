import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { serveDocsUnderTheirPolicy } from './docs-content-security-policy.js';
import { OPENAPI_SCOPE_HEADER, type DocumentScope } from './openapi-contributions.js';
import { buildOpenApiDocument, contributionsOf } from './openapi-document.js';

/**
 * OpenAPI JSON at /docs/openapi.json and Swagger UI at /docs, one tag per hosted context. The
 * document is built on first request, when start-up is over and every task type is registered.
 */
export function setupOpenApi(app: INestApplication, contexts: readonly string[]): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, contexts), {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
    useGlobalPrefix: false,
    patchDocumentOnRequest: (request, _response, own) =>
      contributionsOf(app).served(own, scopeOf(request as FastifyRequest)),
  });
  serveDocsUnderTheirPolicy(app.getHttpAdapter().getInstance() as FastifyInstance, '/docs');
}

function scopeOf(request: FastifyRequest): DocumentScope {
  return request.headers[OPENAPI_SCOPE_HEADER] === 'instance' ? 'instance' : 'served';
}
