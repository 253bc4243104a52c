import 'reflect-metadata';
import { ConfigError, createApp, createLogger, loadConfig } from '@libs/platform';
import { AppModule } from '../app.module.js';
import { BOUNDED_CONTEXTS, CONTEXT_NAMES, CONTEXTS_SEALING_SECRETS } from '../bounded-contexts.js';

/**
 * `npm run admin:create`: creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD when no
 * admin exists yet, by starting user-management without HTTP, as the app does on first start.
 */
if (!process.env.ADMIN_EMAIL || !process.env.ADMIN_PASSWORD) {
  console.error('Usage: ADMIN_EMAIL=<email> ADMIN_PASSWORD=<password> npm run admin:create');
  process.exit(2);
}
try {
  const config = loadConfig(
    { ...process.env, APP_CONTEXTS: 'user-management', APP_ROLE: 'worker', MIGRATIONS_RUN_ON_START: 'true' },
    CONTEXT_NAMES,
    CONTEXTS_SEALING_SECRETS,
  );
  const logger = createLogger(config.logLevel);
  // The whole app, initialised but never listening: its start-up hooks create the admin.
  const app = await createApp(AppModule.forRoot(config, BOUNDED_CONTEXTS), config, logger);
  await app.init();
  await app.close();
  logger.flush();
  console.log(`An admin exists; ${process.env.ADMIN_EMAIL} was created unless another admin was already there.`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
