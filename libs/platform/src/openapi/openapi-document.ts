import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { completeOperations } from './complete-operations.js';
import { OpenApiContributions } from './openapi-contributions.js';
import { PROBLEM_SCHEMA_NAME } from './problem-responses.js';
import { FIELD_PROBLEM_SCHEMA, PROBLEM_SCHEMA } from './problem.schema.js';

const DESCRIPTION = [
  'Workflows, data, models, predictions and monitoring of one ML platform.',
  'Every route needs a bearer access token (from `POST /api/v1/auth/login`) or an API key unless it says `security: []`.',
  'Errors are RFC 9457 `application/problem+json`; `type` is stable, and validation problems list every invalid field in `errors`.',
].join('\n\n');

/**
 * The OpenAPI 3.1 document of this process: its routes, the problem schema every error shares, and
 * what the hosted contexts contribute. Build it after the app has started (contributions read
 * registries filled at start-up); `contexts` are the hosted ones, one tag each.
 */
export function buildOpenApiDocument(app: INestApplication, contexts: readonly string[]): OpenAPIObject {
  const contributions = contributionsOf(app);
  const builder = new DocumentBuilder()
    .setTitle('ML workflow orchestration platform')
    .setDescription(DESCRIPTION)
    .setVersion('v1')
    .setOpenAPIVersion('3.1.0')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT or API key' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    // Either one: a bearer token (access token or API key), or an API key in X-API-Key.
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('api-key')
    .addTag('platform', 'Health probes, metrics and operations: dead letters of the event bus');
  const described = new Map(contributions.tags.map((tag) => [tag.name, tag.description]));
  for (const context of contexts) builder.addTag(context, described.get(context) ?? `The ${context} context`);
  const document = SwaggerModule.createDocument(app, builder.build());
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    [PROBLEM_SCHEMA_NAME]: PROBLEM_SCHEMA,
    FieldProblem: FIELD_PROBLEM_SCHEMA,
  };
  completeOperations(document);
  contributions.applyTo(document);
  return document;
}

/** An app composed without PlatformModule (a test's probe module) has nothing to contribute. */
export function contributionsOf(app: INestApplication): OpenApiContributions {
  try {
    return app.get(OpenApiContributions, { strict: false });
  } catch {
    return new OpenApiContributions();
  }
}
