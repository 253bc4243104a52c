import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildOpenApiDocument, ConfigError, createApp, createLogger, loadConfig } from '@libs/platform';
import { AppModule } from '../app.module.js';
import { BOUNDED_CONTEXTS, CONTEXT_NAMES, CONTEXTS_SEALING_SECRETS } from '../bounded-contexts.js';

/**
 * `npm run openapi:write -- <file>`: writes the OpenAPI document of every context. The app starts
 * (against DATABASE_URL and REDIS_URL, without listening or running workers) because the document
 * includes what contexts register at start-up, such as their task types.
 */
const file = process.argv[2];
if (file === undefined) {
  console.error('Usage: npm run openapi:write -- <file.json>');
  process.exit(2);
}
try {
  const config = loadConfig(
    { LOG_LEVEL: 'warn', ...process.env, APP_CONTEXTS: 'all', APP_ROLE: 'api', MIGRATIONS_RUN_ON_START: 'true' },
    CONTEXT_NAMES,
    CONTEXTS_SEALING_SECRETS,
  );
  const logger = createLogger(config.logLevel);
  const app = await createApp(AppModule.forRoot(config, BOUNDED_CONTEXTS), config, logger);
  await app.init();
  const document = buildOpenApiDocument(app, config.contexts);
  await app.close();
  logger.flush();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`Wrote ${file}`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
