import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { serveDocsUnderTheirPolicy } from './docs-content-security-policy.js';

/** OpenAPI JSON at /docs/openapi.json and Swagger UI at /docs, one tag per hosted context. */
export function setupOpenApi(app: INestApplication, contexts: readonly string[]): void {
  const builder = new DocumentBuilder()
    .setTitle('ML workflow orchestration platform')
    .setDescription('Workflows, data, models, predictions and monitoring. Errors are RFC 9457 problem+json.')
    .setVersion('v1')
    .setOpenAPIVersion('3.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .addTag('platform', 'Health probes, metrics and operations');
  for (const context of contexts) builder.addTag(context);
  const document = SwaggerModule.createDocument(app, builder.build());
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
    useGlobalPrefix: false,
  });
  serveDocsUnderTheirPolicy(app.getHttpAdapter().getInstance() as FastifyInstance, '/docs');
}
